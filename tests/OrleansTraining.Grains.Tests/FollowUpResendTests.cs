using System.Diagnostics;
using Orleans.TestingHost;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A follow-up the cycle has not yet acknowledged is sent again by the retry timer, with growing waits, not at every
/// later write of its sender: under load, busy lecturers sending every unacknowledged answer at each write drowned the
/// cycle in copies.
/// </summary>
public sealed class FollowUpResendTests
{
    [Fact]
    public async Task An_unacknowledged_answer_is_not_sent_again_at_each_later_write_of_the_lecturer()
    {
        var hold = HoldCycleAnswers.Register();
        var sends = CountFollowUpSends.Register();
        await using var silo = await GrainCluster.StartAsync(configure: builder => builder
            .AddSiloBuilderConfigurator<HoldCycleAnswers>()
            .AddSiloBuilderConfigurator<CountFollowUpSends>());
        var (a, _, _) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        var offer = (await lecturer.GetAssignmentsAsync()).Single().Offer;

        hold.Close();
        var clock = Stopwatch.StartNew();
        await lecturer.AcceptAsync(offer.AssignmentId);
        await hold.Held.WaitAsync(GrainCluster.ResponseTimeout);
        const int laterWrites = 5;
        for (var i = 0; i < laterWrites; i++)
        {
            await lecturer.AddUnavailableDateAsync(new DateOnly(2031, 3, 2 + i), null);
        }

        var copies = sends.Count;
        var elapsed = clock.Elapsed;

        // Sent by the accept's write; again only on the timer's retries (after 2 s, 6 s, 14 s, … of RetryDelay steps).
        Assert.InRange(copies, 1, 1 + RetriesWithin(elapsed));
        Assert.True(copies < 1 + laterWrites, $"{copies} sends for {laterWrites} later writes");
        Assert.Single(await lecturer.GetPendingFollowUpsAsync());

        hold.Open();
        await Until.DeliveredAsync(lecturer);
    }

    /// <summary>The timer's sends of one follow-up within <paramref name="elapsed"/>: at 1, 3, 7, 15, … retry delays.</summary>
    private static int RetriesWithin(TimeSpan elapsed)
    {
        var retries = 0;
        for (var ticks = 1; ticks * FollowUpOutbox.RetryDelay <= elapsed + FollowUpOutbox.RetryDelay / 2; ticks = (2 * ticks) + 1)
        {
            retries++;
        }

        return retries;
    }
}

/// <summary>
/// The same hold as <see cref="HoldCycleFollowUps"/>, registered apart: a hold is one per kind, and this class runs
/// beside <see cref="CycleReadModelTests"/>.
/// </summary>
public sealed class HoldCycleAnswers : HoldCalls<HoldCycleAnswers>
{
    public static HoldCycleAnswers Register() => Use(new HoldCycleAnswers());

    protected override bool Holds(IIncomingGrainCallContext context) => HoldCycleFollowUps.IsCycleFollowUp(context);
}

/// <summary>Counts the follow-ups sent to cycles, as they leave their sender.</summary>
public sealed class CountFollowUpSends : ISiloConfigurator, IOutgoingGrainCallFilter
{
    private static CountFollowUpSends? _current;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static CountFollowUpSends Register() => _current = new CountFollowUpSends();

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddOutgoingGrainCallFilter(_current!);

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(ICycleGrain.ReceiveFollowUpAsync))
        {
            Interlocked.Increment(ref _count);
        }

        return context.Invoke();
    }
}
