using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Courses;

/// <summary>The board's edits, decided by the cycle and delivered here; each is idempotent, as every delivery is.</summary>
public sealed partial class CourseGrain
{
    public async Task<CourseView> ReviseDraftAsync(CourseDraft draft, bool keepsPlan)
    {
        EnsureExists();
        Require.Present(draft, "draft");
        await state.UpdateAsync(s =>
        {
            if (s.Status is not (CourseStatus.Proposed or CourseStatus.Planned))
            {
                throw new ConflictException(ConflictRules.InvalidTransition, $"A {s.Status} course cannot be edited; cancel it and add another.");
            }

            var revised = FromDraft(s, s.CycleId, s.CurriculumVersion, draft, keepsPlan ? s.Status : CourseStatus.Proposed);
            return keepsPlan ? revised : revised with { HostProvince = null, Start = null, End = null, Sessions = [] };
        });
        return View();
    }

    public async Task<CourseView> CancelAsync(string reason)
    {
        EnsureExists();
        var why = Require.Text(reason, "reason", 500);
        if (state.State.Status == CourseStatus.Cancelled)
        {
            return View();
        }

        await state.UpdateAsync(s => s.Status is CourseStatus.Held or CourseStatus.Closed or CourseStatus.Reported
            ? throw new ConflictException(ConflictRules.InvalidTransition, $"A {s.Status} course cannot be cancelled.")
            : s with { Status = CourseStatus.Cancelled, CancelledReason = why });
        await this.UnregisterIfPresentAsync(MaterialsReminder);
        return View();
    }
}
