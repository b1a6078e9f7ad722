using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>
/// The lecturer's answers: accept, decline (one or several at once) and withdraw from an accepted session. Each
/// decision is written with the follow-up that tells the cycle, then sent one-way; the caller is answered once the
/// decision is durable, without waiting for the cycle.
/// </summary>
public sealed partial class LecturerGrain
{
    private const int MaxAnswersPerRequest = 200;

    public Task<AssignmentView> AcceptAsync(string assignmentId) =>
        AnswerOneAsync(assignmentId, (s, assignment, now) => Accepting(s, assignment, now, ""));

    public Task<AssignmentView> DeclineAsync(string assignmentId, string reason)
    {
        var why = Require.Text(reason, "reason", 1000);
        return AnswerOneAsync(assignmentId, (_, assignment, now) => Declining(assignment, why, now));
    }

    public async Task<ImmutableArray<AssignmentView>> AnswerAllAsync(ImmutableArray<OfferAnswer> answers)
    {
        EnsureExists();
        var clean = CleanAnswers(answers);
        // Each answer is decided on the state the ones before it left, so two accepts in one request cannot clash; the
        // first refusal throws before the write, and nothing is recorded.
        var updated = await DecideAsync((s, now) => clean.Aggregate(s, (acc, answer) =>
        {
            var assignment = acc.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == answer.AssignmentId)
                ?? throw new NotFoundException("assignment", answer.AssignmentId, $"answers[{answer.Index}].assignmentId");
            var at = $"answers[{answer.Index}] ({answer.AssignmentId}): ";
            EnsureOpen(assignment, at);
            var answered = answer.Reason is null ? Accepting(acc, assignment, now, at) : Declining(assignment, answer.Reason, now);
            return WithFollowUp(acc, answered, "answer", now);
        }));

        var views = clean.Select(a => Find(updated, a.AssignmentId)).ToImmutableArray();
        foreach (var view in views)
        {
            LogAnswered(logger, Id, view.Offer.AssignmentId, view.Status);
            await this.UnregisterIfPresentAsync(OfferReminderPrefix + view.Offer.AssignmentId);
        }

        return views;
    }

    public async Task<AssignmentView> WithdrawAsync(string assignmentId, string reason)
    {
        EnsureExists();
        var why = Require.Text(reason, "reason", 1000);
        var today = Deadlines.Today(time);
        var days = deadlines.Value.LecturerWithdrawalDaysBeforeSession;
        var updated = await DecideAsync((s, now) =>
        {
            var assignment = Find(s, assignmentId);
            if (assignment.Status != AssignmentStatus.Accepted)
            {
                throw new ConflictException(
                    ConflictRules.InvalidTransition,
                    assignment.Status == AssignmentStatus.Offered
                        ? $"Assignment '{assignmentId}' is an open offer: decline it instead."
                        : $"Assignment '{assignmentId}' is {assignment.Status}; only an accepted session can be withdrawn from.");
            }

            var cutOff = assignment.Offer.Date.AddDays(-days);
            if (today > cutOff)
            {
                throw new ConflictException(
                    ConflictRules.WithdrawalCutOff,
                    $"The cut-off to withdraw from the session on {assignment.Offer.Date:yyyy-MM-dd} was {cutOff:yyyy-MM-dd} ({days} days before it); ask the board to re-plan it.");
            }

            var withdrawn = assignment with
            {
                Status = AssignmentStatus.Withdrawn,
                WithdrawalReason = why,
                WithdrawnBy = WithdrawalParty.Lecturer,
                WithdrawnAt = now,
            };
            return WithFollowUp(s, withdrawn, "withdraw", now);
        });
        LogWithdrew(logger, Id, assignmentId);
        return Find(updated, assignmentId);
    }

    private async Task<AssignmentView> AnswerOneAsync(
        string assignmentId, Func<LecturerState, AssignmentView, DateTimeOffset, AssignmentView> decide, [CallerMemberName] string operation = "")
    {
        EnsureExists();
        var updated = await DecideAsync((s, now) =>
        {
            var assignment = Find(s, assignmentId);
            EnsureOpen(assignment, "");
            return WithFollowUp(s, decide(s, assignment, now), "answer", now);
        }, operation);
        var view = Find(updated, assignmentId);
        LogAnswered(logger, Id, assignmentId, view.Status);
        await this.UnregisterIfPresentAsync(OfferReminderPrefix + assignmentId);
        return view;
    }

    /// <summary>Writes a decision together with the follow-ups it adds, then sends them one-way (<see cref="FollowUpOutbox.WriteAsync"/>).</summary>
    private Task<LecturerState> DecideAsync(Func<LecturerState, DateTimeOffset, LecturerState> decide, [CallerMemberName] string operation = "")
    {
        var now = time.GetUtcNow();
        return Outbox.WriteAsync(state, s => decide(s, now), operation);
    }

    /// <summary>The assignment as changed, and in the same state the follow-up that tells the cycle about it.</summary>
    private LecturerState WithFollowUp(LecturerState s, AssignmentView changed, string what, DateTimeOffset now)
    {
        var assignmentId = changed.Offer.AssignmentId;
        var followUp = new FollowUp($"{Id}:{assignmentId}:{what}", FollowUpKind.OfferAnswered, changed.Offer.CycleId, now, Offer: changed);
        // An escalation about this offer that has not gone out yet is moot now that it is answered.
        var outbox = s.Outbox.RemoveAll(f => f.Kind == FollowUpKind.RaiseEscalation && f.Escalation?.SubjectKey == assignmentId);
        return Replace(s, changed) with { Outbox = outbox.Add(followUp) };
    }

    private static AssignmentView Accepting(LecturerState s, AssignmentView assignment, DateTimeOffset now, string at)
    {
        var accepted = s.Assignments.Where(a => a.Status == AssignmentStatus.Accepted).Select(a => a.Offer).ToList();
        var clash = LecturerCalendar.Check(
            ToBooking(assignment.Offer),
            accepted.Select(ToBooking),
            s.UnavailableDates,
            accepted.Count(o => o.CycleId == assignment.Offer.CycleId),
            s.MaxSessionsPerCycle);
        return clash is not null
            ? throw new ConflictException(clash.Rule, at + clash.Message)
            : assignment with { Status = AssignmentStatus.Accepted, AnsweredAt = now };
    }

    private static AssignmentView Declining(AssignmentView assignment, string reason, DateTimeOffset now) =>
        assignment with { Status = AssignmentStatus.Declined, DeclineReason = reason, AnsweredAt = now };

    private static void EnsureOpen(AssignmentView assignment, string at)
    {
        if (assignment.Status != AssignmentStatus.Offered)
        {
            throw new ConflictException(ConflictRules.AlreadyAnswered, $"{at}Assignment '{assignment.Offer.AssignmentId}' is already {assignment.Status}.");
        }
    }

    /// <summary>Checks every answer's fields before any is decided; a decline carries its reason, an accept none.</summary>
    private static List<CleanAnswer> CleanAnswers(ImmutableArray<OfferAnswer> answers)
    {
        if (answers.IsDefaultOrEmpty)
        {
            throw new DomainValidationException("answers", "At least one answer is needed.");
        }

        if (answers.Length > MaxAnswersPerRequest)
        {
            throw new DomainValidationException("answers", $"At most {MaxAnswersPerRequest} answers fit in one request.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var clean = new List<CleanAnswer>(answers.Length);
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = answers[i];
            Require.Present(answer, $"answers[{i}]");
            var assignmentId = Require.Text(answer.AssignmentId, $"answers[{i}].assignmentId", 200);
            Require.Defined(answer.Decision, $"answers[{i}].decision");
            if (!seen.Add(assignmentId))
            {
                throw new DomainValidationException($"answers[{i}].assignmentId", $"Assignment '{assignmentId}' is answered more than once in this request.");
            }

            var reason = answer.Decision == OfferDecision.Decline ? Require.Text(answer.Reason, $"answers[{i}].reason", 1000) : null;
            clean.Add(new CleanAnswer(i, assignmentId, reason));
        }

        return clean;
    }

    /// <summary>A checked answer; a <see cref="Reason"/> means decline.</summary>
    private sealed record CleanAnswer(int Index, string AssignmentId, string? Reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lecturer {LecturerId} answered assignment {AssignmentId}: {Status}")]
    private static partial void LogAnswered(ILogger logger, string lecturerId, string assignmentId, AssignmentStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lecturer {LecturerId} withdrew from assignment {AssignmentId}")]
    private static partial void LogWithdrew(ILogger logger, string lecturerId, string assignmentId);
}
