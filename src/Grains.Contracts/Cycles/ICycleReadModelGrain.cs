using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// The board's read model of one cycle (key: the cycle id): the latest view of each of its courses, as each course
/// published it after its own change, and the names of the lecturers the report shows. The cycle answers
/// <c>GET …/plan</c> and <c>GET …/report</c> from it, so those reads do not call every course and lecturer (each
/// possibly queued behind other requests). A leaf: it calls no grain, so courses may await it without a call cycle.
/// Held in memory only: a new activation starts empty and the cycle fills it again from the courses and lecturers.
/// </summary>
[Alias("ot.ICycleReadModelGrain")]
public interface ICycleReadModelGrain : IGrainWithStringKey
{
    /// <summary>A course's view after its change; the course sends these one at a time, so the last one is current.</summary>
    Task PublishCourseAsync(CourseView course);

    /// <summary>
    /// A view the cycle read from the course itself: taken only when the course has published none, so it never
    /// replaces a newer view the course published meanwhile.
    /// </summary>
    Task FillCourseAsync(CourseView course);

    /// <summary>Lecturers' names (a lecturer's name never changes once created).</summary>
    Task AddLecturerNamesAsync(ImmutableDictionary<string, string> names);

    [ReadOnly]
    Task<CycleReadModel> GetAsync();
}

/// <summary>What the read model holds: course views by id, lecturer names by id.</summary>
[GenerateSerializer, Immutable, Alias("ot.CycleReadModel")]
public sealed record CycleReadModel(
    ImmutableDictionary<string, CourseView> Courses,
    ImmutableDictionary<string, string> LecturerNames);
