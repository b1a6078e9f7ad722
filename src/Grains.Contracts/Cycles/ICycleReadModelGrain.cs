using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// The board's read model of one cycle (key: the cycle id): the latest view of each of its courses, as each course
/// published it after its own change, and the names of the lecturers the report shows. The cycle answers
/// <c>GET …/plan</c> and <c>GET …/report</c> from it, so those reads do not call every course and lecturer (each
/// possibly queued behind other requests). A leaf: it calls no grain, so courses may await it without a call cycle.
/// Held in memory only: a new activation starts empty and the cycle fills it again from the courses and lecturers; the
/// cycle also re-reads a view that has not been confirmed for a while (a course whose node died before it published).
/// </summary>
[Alias("ot.ICycleReadModelGrain")]
public interface ICycleReadModelGrain : IGrainWithStringKey
{
    /// <summary>A course's view after its change; the course sends these one at a time, so the last one is current.</summary>
    Task PublishCourseAsync(CourseView course);

    /// <summary>
    /// A view the cycle read from the course itself, taken only if the course's entry is still the one the cycle saw
    /// (<paramref name="seenRevision"/>, 0 for none): a view the course published meanwhile is newer and stays.
    /// </summary>
    Task RefreshCourseAsync(CourseView course, long seenRevision);

    /// <summary>Lecturers' names (a lecturer's name never changes once created).</summary>
    Task AddLecturerNamesAsync(ImmutableDictionary<string, string> names);

    [ReadOnly]
    Task<CycleReadModel> GetAsync();
}

/// <summary>What the read model holds: course views by id, lecturer names by id.</summary>
[GenerateSerializer, Immutable, Alias("ot.CycleReadModel")]
public sealed record CycleReadModel(
    ImmutableDictionary<string, CourseView> Courses,
    ImmutableDictionary<string, string> LecturerNames)
{
    /// <summary>When and in which order each course's view was last taken (published or re-read).</summary>
    [Id(100)]
    public ImmutableDictionary<string, CourseViewStamp> Stamps { get; init; } = ImmutableDictionary<string, CourseViewStamp>.Empty;

    /// <summary>The revision of a course's entry, 0 when the model holds none.</summary>
    public long RevisionOf(string courseId) => Stamps.TryGetValue(courseId, out var stamp) ? stamp.Revision : 0;
}

/// <summary>
/// When a course's view was taken into the read model, and its revision: increasing with every view taken, also across
/// activations of the model, so a re-read can tell whether the entry changed since the cycle looked.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.CourseViewStamp")]
public sealed record CourseViewStamp(long Revision, DateTimeOffset At);
