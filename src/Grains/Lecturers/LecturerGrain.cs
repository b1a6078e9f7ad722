using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;
using OrleansTraining.Silo;

namespace OrleansTraining.Grains.Lecturers;

public sealed partial class LecturerGrain(
    [PersistentState("lecturer")] IPersistentState<LecturerState> state,
    ILogger<LecturerGrain> logger) : Grain, ILecturerGrain, IRemindable
{
    private const string OfferReminderPrefix = "offer:";

    private string Id => GetPrimaryKeyString();

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

    public async Task<AssignmentView> AcceptAsync(string assignmentId)
    {
        EnsureExists();
        var now = TimeProvider.GetUtcNow();
        var updated = await state.UpdateAsync(s =>
        {
            var assignment = Find(s, assignmentId);
            EnsureOpen(assignment);
            var accepted = s.Assignments.Where(a => a.Status == AssignmentStatus.Accepted).Select(a => a.Offer).ToList();
            var clash = LecturerCalendar.Check(
                ToBooking(assignment.Offer),
                accepted.Select(ToBooking),
                s.UnavailableDates,
                accepted.Count(o => o.CycleId == assignment.Offer.CycleId),
                s.MaxSessionsPerCycle);
            if (clash is not null)
            {
                throw new ConflictException(clash.Rule, clash.Message);
            }

            return Replace(s, assignment with { Status = AssignmentStatus.Accepted, AnsweredAt = now });
        });
        var view = Find(updated, assignmentId);
        LogAnswered(logger, Id, assignmentId, view.Status);
        await AfterAnswerAsync(view);
        return view;
    }

    public async Task<AssignmentView> DeclineAsync(string assignmentId, string reason)
    {
        EnsureExists();
        var why = Require.Text(reason, "reason", 1000);
        var now = TimeProvider.GetUtcNow();
        var updated = await state.UpdateAsync(s =>
        {
            var assignment = Find(s, assignmentId);
            EnsureOpen(assignment);
            return Replace(s, assignment with { Status = AssignmentStatus.Declined, DeclineReason = why, AnsweredAt = now });
        });
        var view = Find(updated, assignmentId);
        LogAnswered(logger, Id, assignmentId, view.Status);
        await AfterAnswerAsync(view);
        return view;
    }

    public async Task ReceiveOfferAsync(TeachingOffer offer)
    {
        EnsureExists();
        Require.Present(offer, "offer");
        if (state.State.Assignments.Any(a => a.Offer.AssignmentId == offer.AssignmentId))
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        await state.UpdateAsync(s => s with
        {
            Assignments = s.Assignments.Add(new AssignmentView(offer, Id, AssignmentStatus.Offered, null, false, now, null)),
        });
        await RegisterOrUpdateReminderAsync(OfferReminderPrefix + offer.AssignmentId, offer.AnswerBy);
    }

    public async Task WithdrawOfferAsync(string assignmentId)
    {
        EnsureExists();
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (assignment is null || assignment.Status is AssignmentStatus.Declined or AssignmentStatus.Withdrawn)
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        await state.UpdateAsync(s => Replace(s, Find(s, assignmentId) with { Status = AssignmentStatus.Withdrawn, AnsweredAt = now }));
        await UnregisterQuietlyAsync(assignmentId);
    }

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        if (!reminderName.StartsWith(OfferReminderPrefix, StringComparison.Ordinal) || !state.RecordExists)
        {
            return;
        }

        var assignmentId = reminderName[OfferReminderPrefix.Length..];
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (assignment is null || assignment.Status != AssignmentStatus.Offered || assignment.Escalated)
        {
            return;
        }

        await state.UpdateAsync(s => Replace(s, Find(s, assignmentId) with { Escalated = true }));
        LogEscalated(logger, Id, assignmentId);
        var offer = assignment.Offer;
        await GrainFactory.GetGrain<ICycleGrain>(offer.CycleId).RaiseEscalationAsync(
            EscalationKind.OfferUnanswered,
            offer.CourseId,
            assignmentId,
            $"Lecturer {Id} ({state.State.FullName}) has not answered the offer for {offer.TopicCode} on {offer.Date:yyyy-MM-dd} {offer.Slot} in {offer.ProvinceCode} by {offer.AnswerBy:yyyy-MM-dd}.");
    }

    private async Task AfterAnswerAsync(AssignmentView view)
    {
        await UnregisterQuietlyAsync(view.Offer.AssignmentId);
        try
        {
            await GrainFactory.GetGrain<ICycleGrain>(view.Offer.CycleId).OnOfferAnsweredAsync(view);
        }
        catch (DomainException exception)
        {
            // The lecturer's answer is recorded and stands; the board sees the session's state in the cycle plan.
            LogFollowUpFailed(logger, exception, Id, view.Offer.AssignmentId);
        }
    }

    private async Task UnregisterQuietlyAsync(string assignmentId)
    {
        if (await GetReminderAsync(OfferReminderPrefix + assignmentId) is not null)
        {
            await UnregisterReminderAsync(OfferReminderPrefix + assignmentId);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lecturer {LecturerId}: the cycle could not follow up the answer to {AssignmentId}")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception, string lecturerId, string assignmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lecturer {LecturerId} left assignment {AssignmentId} unanswered past its deadline; escalated")]
    private static partial void LogEscalated(ILogger logger, string lecturerId, string assignmentId);
}
