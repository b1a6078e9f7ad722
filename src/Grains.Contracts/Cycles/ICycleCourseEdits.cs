using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The board's changes to a cycle's courses and plan after the cycle was created (part of <see cref="ICycleGrain"/>).</summary>
[Alias("ot.ICycleCourseEdits")]
public interface ICycleCourseEdits : IGrain
{
    /// <summary>
    /// Replaces a course's draft while it is Proposed or Planned. A change of its title, co-organisers or quota keeps the
    /// plan; any other change sends the course back to Proposed for the next planning run.
    /// </summary>
    Task<CourseView> EditCourseAsync(string courseId, CourseDraft draft);

    /// <summary>
    /// Cancels a course that has not been held: its offers and acceptances are withdrawn and its hosting request too,
    /// each with the reason. Cancelling a cancelled course again changes nothing.
    /// </summary>
    Task<CourseView> CancelCourseAsync(string courseId, string reason);

    /// <summary>
    /// Makes a saved variant the plan; a variant made before the plan last changed is stale and refused. After publish it
    /// is adopted under protection: published courses keep host and dates, accepted sessions their lecturers; open
    /// sessions go to the variant's lecturers (their open offers withdrawn with the reason) and unpublished courses take
    /// the variant's plan, to be published again.
    /// </summary>
    Task<CyclePlan> AdoptVariantAsync(string name);
}
