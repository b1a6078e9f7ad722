using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>A decision that must reach another grain gets there, also when the first delivery fails, and no flow deadlocks.</summary>
public sealed class FollowUpDeliveryTests
{
    [Fact]
    public async Task A_follow_up_the_cycle_must_refuse_becomes_an_escalation_for_the_board_once()
    {
        await using var silo = await GrainCluster.StartAsync();
        var (a, _) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        var sender = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        // An answer without its offer breaks the cycle's rules on every delivery: it cannot be applied, ever.
        var broken = new FollowUp($"f-{GrainWorld.Suffix()}", FollowUpKind.OfferAnswered, GrainWorld.CycleKey, silo.Time.GetUtcNow());

        // Follow-ups are one-way: the call returns before the cycle has handled it.
        await cycle.ReceiveFollowUpAsync(broken, sender);
        await Until.Async(() => cycle.GetEscalationsAsync(includeResolved: true), e => !e.IsEmpty, "the refusal was escalated");
        await cycle.ReceiveFollowUpAsync(broken, sender); // delivered again: handled once
        await cycle.GetAsync(); // queued behind the repeat on the same activation

        var escalation = Assert.Single(await cycle.GetEscalationsAsync(includeResolved: true));
        Assert.Equal(EscalationKind.DecisionRefused, escalation.Kind);
        Assert.Equal(broken.Id, escalation.SubjectKey);
        Assert.Contains("OfferAnswered", escalation.Detail, StringComparison.Ordinal);
        Assert.Null(escalation.ResolvedAt);
    }

    [Fact]
    public async Task When_the_cycle_fails_on_first_delivery_the_answers_still_reach_it_and_both_sides_agree()
    {
        var failures = FailFirstDeliveries.Register(count: 2);
        await using var silo = await GrainCluster.StartAsync(configure: b => b.AddSiloBuilderConfigurator<FailFirstDeliveries>());
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var lecturerA = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        var offer = Assert.Single(await lecturerA.GetAssignmentsAsync());

        await lecturerA.DeclineAsync(offer.Offer.AssignmentId, "Trùng lịch");
        await Until.DeliveredAsync(lecturerA);

        Assert.True(failures.Failed >= 1, "the first delivery was made to fail");
        Assert.Equal(AssignmentStatus.Declined, Assert.Single(await lecturerA.GetAssignmentsAsync()).Status);
        var session = (await cycle.GetPlanAsync()).Courses.Single().Sessions.Single(s => s.SessionId == offer.Offer.SessionId);
        Assert.Equal(b, session.LecturerId);
        Assert.Equal(StaffingStatus.Offered, session.Staffing);

        var lecturerB = silo.GrainFactory.GetGrain<ILecturerGrain>(b);
        await lecturerB.AcceptAsync(session.AssignmentId!);
        await Until.DeliveredAsync(lecturerB);
        var accepted = (await cycle.GetPlanAsync()).Courses.Single().Sessions.Single(s => s.SessionId == offer.Offer.SessionId);
        Assert.Equal(StaffingStatus.Accepted, accepted.Staffing);
        Assert.Equal(2, failures.Failed);
    }

    [Fact]
    public async Task Eight_lecturers_answering_at_once_all_get_their_answer_and_every_decline_is_re_offered()
    {
        await using var silo = await GrainCluster.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory, courses: 4);
        for (var i = 0; i < 6; i++)
        {
            await silo.GrainFactory.GetGrain<ILecturerGrain>($"x{i}-{GrainWorld.Suffix()}").CreateAsync(
                GrainWorld.Lecturer($"Giảng viên {i}", Curricula.CurriculumCatalog.CadreEvaluation, Curricula.CurriculumCatalog.OfficeWork));
        }

        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var sessions = (await cycle.GetPlanAsync()).Courses.SelectMany(c => c.Sessions.Select(s => (Course: c.Id, Session: s))).ToList();
        Assert.Equal(8, sessions.Count);

        // Every offered lecturer answers at the same moment: the odd ones decline, the even ones accept.
        var answers = sessions.Select((x, i) =>
        {
            var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(x.Session.LecturerId!);
            return i % 2 == 0 ? lecturer.AcceptAsync(x.Session.AssignmentId!) : lecturer.DeclineAsync(x.Session.AssignmentId!, "Bận");
        }).ToList();
        var answered = await Task.WhenAll(answers); // a call cycle would fail these with a timeout
        Assert.Equal(8, answered.Length);
        foreach (var lecturerId in sessions.Select(x => x.Session.LecturerId!).Distinct())
        {
            await Until.DeliveredAsync(silo.GrainFactory.GetGrain<ILecturerGrain>(lecturerId));
        }

        var plan = await cycle.GetPlanAsync();
        for (var i = 0; i < sessions.Count; i++)
        {
            var (courseId, before) = sessions[i];
            var now = plan.Courses.Single(c => c.Id == courseId).Sessions.Single(s => s.SessionId == before.SessionId);
            if (i % 2 == 0)
            {
                Assert.Equal(StaffingStatus.Accepted, now.Staffing);
                continue;
            }

            // Declined: offered to somebody else, or open with its reason and an escalation; never left with the decliner.
            Assert.NotEqual(before.LecturerId, now.LecturerId);
            Assert.True(now.Staffing is StaffingStatus.Offered or StaffingStatus.Unstaffed, $"{courseId}/{now.SessionId} is {now.Staffing}");
            if (now.Staffing == StaffingStatus.Offered)
            {
                var offers = await silo.GrainFactory.GetGrain<ILecturerGrain>(now.LecturerId!).GetAssignmentsAsync();
                Assert.Contains(offers, o => o.Offer.AssignmentId == now.AssignmentId && o.Status == AssignmentStatus.Offered);
            }
            else
            {
                Assert.Contains(await cycle.GetEscalationsAsync(false), e => e.SubjectKey == $"{courseId}/{now.SessionId}");
            }
        }
    }
}

/// <summary>Makes the first N follow-up deliveries to any cycle fail, as a node or database hiccup would.</summary>
public sealed class FailFirstDeliveries : ISiloConfigurator, IIncomingGrainCallFilter
{
    private static FailFirstDeliveries? _current;
    private int _remaining;
    private int _failed;

    public int Failed => Volatile.Read(ref _failed);

    public static FailFirstDeliveries Register(int count)
    {
        _current = new FailFirstDeliveries { _remaining = count };
        return _current;
    }

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter(_current!);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(ICycleGrain.ReceiveFollowUpAsync) && Interlocked.Decrement(ref _remaining) >= 0)
        {
            Interlocked.Increment(ref _failed);
            throw new InvalidOperationException("Injected failure on first delivery.");
        }

        return context.Invoke();
    }
}
