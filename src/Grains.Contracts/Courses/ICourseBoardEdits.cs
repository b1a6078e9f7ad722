namespace OrleansTraining.Grains.Courses;

/// <summary>What the cycle changes on a course for the board (part of <see cref="ICourseGrain"/>); both are idempotent.</summary>
[Alias("ot.ICourseBoardEdits")]
public interface ICourseBoardEdits : IGrain
{
    /// <summary>A validated draft; <paramref name="keepsPlan"/> false clears host, dates and sessions (back to Proposed).</summary>
    Task<CourseView> ReviseDraftAsync(CourseDraft draft, bool keepsPlan);

    /// <summary>The course will not be held; its nominations and plan stay on record.</summary>
    Task<CourseView> CancelAsync(string reason);
}
