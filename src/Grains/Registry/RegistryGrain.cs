using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Registry;

public sealed class RegistryGrain(
    [PersistentState("registry", GrainStorage.Name)] IPersistentState<RegistryState> state, TimeProvider time) : Grain, IRegistryGrain
{
    /// <summary>How many undeliverable decisions are kept: rare by nature, so the newest few hundred are plenty.</summary>
    public const int UndeliverableKept = 500;

    public Task<RegistryView> GetAsync() =>
        Task.FromResult(new RegistryView(state.State.CycleIds, state.State.CourseIds, state.State.LecturerIds, state.State.FieldTripIds));

    public Task AddCycleAsync(string cycleId) => AddAsync(cycleId, s => s.CycleIds, (s, ids) => s with { CycleIds = ids });

    public Task AddCourseAsync(string courseId) => AddAsync(courseId, s => s.CourseIds, (s, ids) => s with { CourseIds = ids });

    public Task AddLecturerAsync(string lecturerId) => AddAsync(lecturerId, s => s.LecturerIds, (s, ids) => s with { LecturerIds = ids });

    public Task AddFieldTripAsync(string fieldTripId) => AddAsync(fieldTripId, s => s.FieldTripIds, (s, ids) => s with { FieldTripIds = ids });

    public async Task RecordUndeliverableAsync(UndeliverableDecision decision)
    {
        Require.Present(decision, "decision");
        Require.Text(decision.FollowUpId, "followUpId", 300);
        if (!state.State.Undeliverable.Any(d => d.FollowUpId == decision.FollowUpId))
        {
            // Checked again inside: after a concurrent write the decision is made again on the state read back.
            await state.UpdateAsync(s => s.Undeliverable.Any(d => d.FollowUpId == decision.FollowUpId) ? s : s with
            {
                Undeliverable = (s.Undeliverable.Length < UndeliverableKept ? s.Undeliverable : WithoutOldest(s.Undeliverable)).Add(decision),
            });
        }

        // Every time, not only the first: a repeated delivery means the caller did not see this succeed, and the inbox is
        // idempotent by id (and a leaf, so awaiting it forms no cycle).
        await GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Board).ReceiveAsync(NotificationTexts.Undeliverable(decision));
    }

    /// <summary>
    /// Room for one more: the oldest the board has dismissed goes first, so a decision nobody has looked at yet stays
    /// listed; only when none is dismissed does the oldest go (its notification is still in the board's inbox).
    /// </summary>
    private static ImmutableArray<UndeliverableDecision> WithoutOldest(ImmutableArray<UndeliverableDecision> kept)
    {
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i].DismissedAt is not null)
            {
                return kept.RemoveAt(i);
            }
        }

        return kept.RemoveAt(0);
    }

    public Task<ImmutableArray<UndeliverableDecision>> GetUndeliverableAsync(bool includeDismissed = false) =>
        Task.FromResult(state.State.Undeliverable.Reverse().Where(d => includeDismissed || d.DismissedAt is null).ToImmutableArray());

    public async Task<UndeliverableDecision> DismissUndeliverableAsync(string followUpId)
    {
        Require.Text(followUpId, "followUpId", 300);
        if (state.State.Undeliverable.FirstOrDefault(d => d.FollowUpId == followUpId) is { DismissedAt: not null } already)
        {
            return already; // dismissed before: nothing to write, the first dismissal stands
        }

        var by = RequestContext.Get(AuditContext.Actor) is string { Length: > 0 } actor ? actor : AuditContext.System;
        var next = await state.UpdateAsync(s =>
        {
            var decision = s.Undeliverable.FirstOrDefault(d => d.FollowUpId == followUpId)
                ?? throw new NotFoundException("Undeliverable decision", followUpId);
            return decision.DismissedAt is not null
                ? s // dismissed already: nothing changes, the first dismissal stands
                : s with { Undeliverable = s.Undeliverable.Replace(decision, decision with { DismissedAt = time.GetUtcNow(), DismissedBy = by }) };
        });
        return next.Undeliverable.First(d => d.FollowUpId == followUpId);
    }

    private async Task AddAsync(string id, Func<RegistryState, ImmutableArray<string>> list, Func<RegistryState, ImmutableArray<string>, RegistryState> with)
    {
        if (list(state.State).Contains(id))
        {
            return;
        }

        // Kept sorted so listings are stable whatever order things were created in.
        await state.UpdateAsync(s => list(s).Contains(id) ? s : with(s, [.. list(s).Add(id).Order(StringComparer.Ordinal)]));
    }
}
