using Microsoft.Extensions.Logging;
using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The board's edits to the cycle's courses after the cycle was created.</summary>
public sealed partial class CycleGrain
{
    public async Task<CourseView> EditCourseAsync(string courseId, CourseDraft draft)
    {
        EnsureExists();
        var index = CourseIndex(courseId);
        var clean = CourseDraftRules.Validate(draft, await CurriculumTopicsAsync(state.State.CurriculumVersion), "draft.");
        EnsureStatus("edit a course of", CycleStatus.Draft, CycleStatus.Planned, CycleStatus.Published, CycleStatus.Running);
        var keepsPlan = SamePlanningNeeds(state.State.Drafts[index], clean);
        // The course decides whether its status allows the edit; the cycle's copy of the draft follows it.
        var course = await GrainFactory.GetGrain<ICourseGrain>(courseId).ReviseDraftAsync(clean, keepsPlan);
        await state.UpdateAsync(s => s with
        {
            Drafts = s.Drafts.SetItem(index, clean),
            PlanIssues = keepsPlan ? s.PlanIssues : s.PlanIssues.RemoveAll(i => i.CourseId == courseId),
        });
        return course;
    }

    public async Task<CourseView> CancelCourseAsync(string courseId, string reason)
    {
        EnsureExists();
        CourseIndex(courseId);
        var why = Require.Text(reason, "reason", 500);
        var course = await GrainFactory.GetGrain<ICourseGrain>(courseId).GetAsync();
        if (course.Status == CourseStatus.Cancelled)
        {
            return course;
        }

        if (course.Status is CourseStatus.Held or CourseStatus.Closed or CourseStatus.Reported)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"Course '{courseId}' was held; it cannot be cancelled.");
        }

        EnsureStatus("cancel a course of", CycleStatus.Draft, CycleStatus.Planned, CycleStatus.Published, CycleStatus.Running);
        var now = time.GetUtcNow();
        await DecideAsync(
            s => s with
            {
                PlanIssues = s.PlanIssues.RemoveAll(i => i.CourseId == courseId),
                Escalations = [.. s.Escalations.Select(e => e.CourseId == courseId && e.ResolvedAt is null ? e with { ResolvedAt = now } : e)],
            },
            _ => new[] { new NewDelivery(CycleDeliveryKind.CourseCancelled, courseId) { Reason = why } }
                .Concat(course.Sessions
                    .Where(x => x is { LecturerId: not null, AssignmentId: not null })
                    .Select(x => WithdrawDelivery(x.LecturerId!, x.AssignmentId!, $"The course was cancelled: {why}")))
                .Concat(course is { HostProvince: not null, HostingRequestId: not null }
                    ? [new NewDelivery(CycleDeliveryKind.HostingWithdrawn, course.HostProvince) { RequestId = course.HostingRequestId, Reason = why }]
                    : []));
        LogCourseCancelled(logger, Id, courseId);
        return await GrainFactory.GetGrain<ICourseGrain>(courseId).GetAsync();
    }

    private int CourseIndex(string courseId)
    {
        var index = state.State.CourseIds.IndexOf(courseId ?? "");
        return index >= 0 ? index : throw new NotFoundException("course", courseId ?? "");
    }

    /// <summary>Title, co-organisers and quota do not change where, when or by whom a course can be taught.</summary>
    private static bool SamePlanningNeeds(CourseDraft before, CourseDraft after) =>
        before.Capacity == after.Capacity
        && before.Audience.Positions.SequenceEqual(after.Audience.Positions)
        && before.Audience.Levels.SequenceEqual(after.Audience.Levels)
        && before.Topics.SequenceEqual(after.Topics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId}: course {CourseId} cancelled")]
    private static partial void LogCourseCancelled(ILogger logger, string cycleId, string courseId);
}
