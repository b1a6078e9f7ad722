using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Lecturers;

public sealed partial class LecturerGrain(
    [PersistentState("lecturer", GrainStorage.Name)] IPersistentState<LecturerState> state,
    TimeProvider time,
    ILogger<LecturerGrain> logger) : Grain, ILecturerGrain, IRemindable
{
    private const string OfferReminderPrefix = "offer:";

    private FollowUpOutbox? _outbox;

    private string Id => this.GetPrimaryKeyString();

    private FollowUpOutbox Outbox => _outbox ??= new FollowUpOutbox(
        this, GrainFactory, () => state.State.Outbox, id => state.UpdateAsync(s => s with { Outbox = s.Outbox.RemoveAll(f => f.Id == id) }), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Follow-ups left unacknowledged by an earlier activation (or node) go out again now.
        Outbox.SendAll();
        return Task.CompletedTask;
    }

    public async Task<LecturerView> CreateAsync(NewLecturer lecturer)
    {
        Require.Present(lecturer, "lecturer");
        Require.Slug(Id, "lecturerId");
        var fullName = Require.Text(lecturer.FullName, "fullName", 200);
        var department = Require.Text(lecturer.Department, "department", 200);
        if (lecturer.QualifiedTopics.IsDefaultOrEmpty)
        {
            throw new DomainValidationException("qualifiedTopics", "A lecturer needs at least one qualified topic.");
        }

        var topics = lecturer.QualifiedTopics.Select((t, i) => Require.Slug(t, $"qualifiedTopics[{i}]")).Distinct().ToImmutableArray();
        if (!ProvinceDirectory.Exists(lecturer.HomeProvince))
        {
            throw new DomainValidationException("homeProvince", $"'{lecturer.HomeProvince}' is not a province code.");
        }

        Require.Range(lecturer.MaxSessionsPerCycle, 1, 200, "maxSessionsPerCycle");
        if (state.RecordExists)
        {
            throw new ConflictException(ConflictRules.AlreadyExists, $"Lecturer '{Id}' already exists.");
        }

        await state.UpdateAsync(s => s with
        {
            FullName = fullName,
            Department = department,
            QualifiedTopics = topics,
            HomeProvince = lecturer.HomeProvince,
            MaxSessionsPerCycle = lecturer.MaxSessionsPerCycle,
            UnavailableDates = Distinct(lecturer.UnavailableDates),
        });
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddLecturerAsync(Id);
        return View();
    }

    public Task<LecturerView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<LecturerView> SetUnavailabilityAsync(ImmutableArray<DateOnly> dates)
    {
        EnsureExists();
        var clean = Distinct(dates);
        await state.UpdateAsync(s =>
        {
            var clash = s.Assignments.FirstOrDefault(a => a.Status == AssignmentStatus.Accepted && clean.Contains(a.Offer.Date));
            if (clash is not null)
            {
                throw new ConflictException(
                    ConflictRules.LecturerUnavailable,
                    $"{clash.Offer.Date:yyyy-MM-dd} has an accepted session ({clash.Offer.CourseId}); decline or re-plan it first.");
            }

            return s with { UnavailableDates = clean };
        });
        return View();
    }

    public Task<ImmutableArray<AssignmentView>> GetAssignmentsAsync()
    {
        EnsureExists();
        return Task.FromResult(state.State.Assignments);
    }

    public Task<AssignmentView> AcceptAsync(string assignmentId) => AnswerAsync(assignmentId, (s, assignment, now) =>
    {
        var accepted = s.Assignments.Where(a => a.Status == AssignmentStatus.Accepted).Select(a => a.Offer).ToList();
        var clash = LecturerCalendar.Check(
            ToBooking(assignment.Offer),
            accepted.Select(ToBooking),
            s.UnavailableDates,
            accepted.Count(o => o.CycleId == assignment.Offer.CycleId),
            s.MaxSessionsPerCycle);
        return clash is not null
            ? throw new ConflictException(clash.Rule, clash.Message)
            : assignment with { Status = AssignmentStatus.Accepted, AnsweredAt = now };
    });

    public Task<AssignmentView> DeclineAsync(string assignmentId, string reason)
    {
        var why = Require.Text(reason, "reason", 1000);
        return AnswerAsync(assignmentId, (_, assignment, now) => assignment with { Status = AssignmentStatus.Declined, DeclineReason = why, AnsweredAt = now });
    }

    public async Task ReceiveOfferAsync(TeachingOffer offer)
    {
        EnsureExists();
        Require.Present(offer, "offer");
        if (state.State.Assignments.Any(a => a.Offer.AssignmentId == offer.AssignmentId))
        {
            return;
        }

        var now = time.GetUtcNow();
        await this.RegisterDeadlineAsync(OfferReminderPrefix + offer.AssignmentId, offer.AnswerBy, time);
        await state.UpdateAsync(s => s with
        {
            Assignments = s.Assignments.Add(new AssignmentView(offer, Id, AssignmentStatus.Offered, null, false, now, null)),
        });
    }

    public async Task WithdrawOfferAsync(string assignmentId)
    {
        EnsureExists();
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (assignment is null || assignment.Status is AssignmentStatus.Declined or AssignmentStatus.Withdrawn)
        {
            return;
        }

        var now = time.GetUtcNow();
        await state.UpdateAsync(s => Replace(s, Find(s, assignmentId) with { Status = AssignmentStatus.Withdrawn, AnsweredAt = now }));
        await this.UnregisterIfPresentAsync(OfferReminderPrefix + assignmentId);
    }

    public Task<ImmutableArray<FollowUp>> GetPendingFollowUpsAsync() => Task.FromResult(state.State.Outbox);

    public Task AcknowledgeFollowUpAsync(string followUpId) => Outbox.AcknowledgeAsync(followUpId);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == FollowUpOutbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
            return;
        }

        if (!reminderName.StartsWith(OfferReminderPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var assignmentId = reminderName[OfferReminderPrefix.Length..];
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (state.RecordExists && assignment is { Status: AssignmentStatus.Offered, Escalated: false })
        {
            var offer = assignment.Offer;
            var notice = new EscalationNotice(
                EscalationKind.OfferUnanswered,
                offer.CourseId,
                assignmentId,
                $"Lecturer {Id} ({state.State.FullName}) has not answered the offer for {offer.TopicCode} on {offer.Date:yyyy-MM-dd} {offer.Slot} in {offer.ProvinceCode} by {offer.AnswerBy:yyyy-MM-dd}.");
            var followUp = new FollowUp($"{Id}:{assignmentId}:escalate", FollowUpKind.RaiseEscalation, offer.CycleId, time.GetUtcNow(), Escalation: notice);
            await Outbox.ArmAsync();
            await state.UpdateAsync(s => Replace(s, Find(s, assignmentId) with { Escalated = true }) with { Outbox = s.Outbox.Add(followUp) });
            LogEscalated(logger, Id, assignmentId);
            Outbox.SendAll();
        }

        // The deadline has done its work (or the offer was answered meanwhile): it fires once.
        await this.UnregisterIfPresentAsync(reminderName);
    }

    /// <summary>
    /// Records the answer and, in the same write, the follow-up that tells the cycle; then sends it one-way. The caller
    /// is answered once the lecturer's decision is durable, without waiting for the cycle.
    /// </summary>
    private async Task<AssignmentView> AnswerAsync(string assignmentId, Func<LecturerState, AssignmentView, DateTimeOffset, AssignmentView> decide)
    {
        EnsureExists();
        var now = time.GetUtcNow();
        await Outbox.ArmAsync();
        var updated = await state.UpdateAsync(s =>
        {
            var assignment = Find(s, assignmentId);
            EnsureOpen(assignment);
            var answered = decide(s, assignment, now);
            var followUp = new FollowUp($"{Id}:{assignmentId}:answer", FollowUpKind.OfferAnswered, answered.Offer.CycleId, now, Offer: answered);
            // An escalation about this offer that has not gone out yet is moot now that it is answered.
            var outbox = s.Outbox.RemoveAll(f => f.Kind == FollowUpKind.RaiseEscalation && f.Escalation?.SubjectKey == assignmentId);
            return Replace(s, answered) with { Outbox = outbox.Add(followUp) };
        });
        var view = Find(updated, assignmentId);
        LogAnswered(logger, Id, assignmentId, view.Status);
        Outbox.SendAll();
        await this.UnregisterIfPresentAsync(OfferReminderPrefix + assignmentId);
        return view;
    }

    private static AssignmentView Find(LecturerState s, string assignmentId) =>
        s.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId)
        ?? throw new NotFoundException("assignment", assignmentId);

    private static void EnsureOpen(AssignmentView assignment)
    {
        if (assignment.Status != AssignmentStatus.Offered)
        {
            throw new ConflictException(ConflictRules.AlreadyAnswered, $"Assignment '{assignment.Offer.AssignmentId}' is already {assignment.Status}.");
        }
    }

    private static LecturerState Replace(LecturerState s, AssignmentView assignment) => s with
    {
        Assignments = s.Assignments.Select(a => a.Offer.AssignmentId == assignment.Offer.AssignmentId ? assignment : a).ToImmutableArray(),
    };

    private static Booking ToBooking(TeachingOffer offer) => new(offer.Date, offer.Slot, offer.ProvinceCode);

    private static ImmutableArray<DateOnly> Distinct(ImmutableArray<DateOnly> dates) =>
        dates.IsDefault ? [] : [.. dates.Distinct().Order()];

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("lecturer", Id);
        }
    }

    private LecturerView View()
    {
        var s = state.State;
        var load = s.Assignments
            .Where(a => a.Status == AssignmentStatus.Accepted)
            .GroupBy(a => a.Offer.CycleId)
            .ToImmutableDictionary(g => g.Key, g => g.Count());
        return new LecturerView(Id, s.FullName, s.Department, s.QualifiedTopics, s.HomeProvince, s.MaxSessionsPerCycle, s.UnavailableDates, load, s.Assignments);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lecturer {LecturerId} answered assignment {AssignmentId}: {Status}")]
    private static partial void LogAnswered(ILogger logger, string lecturerId, string assignmentId, AssignmentStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lecturer {LecturerId} left assignment {AssignmentId} unanswered past its deadline; escalated")]
    private static partial void LogEscalated(ILogger logger, string lecturerId, string assignmentId);
}
