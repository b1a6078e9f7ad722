namespace OrleansTraining.Grains.Courses;

/// <summary>
/// Whether a course takes nominations at a moment: the one time-dependent part of a <see cref="CourseView"/>, so a view
/// kept in the cycle's read model is brought up to the reading time with the same rule the course uses.
/// </summary>
public static class CourseNominationWindow
{
    public static bool IsOpen(CourseStatus status, DateTimeOffset? closesAt, DateTimeOffset now) =>
        status is CourseStatus.Published or CourseStatus.HostConfirmed && closesAt is { } close && now < close;

    public static CourseView At(CourseView view, DateTimeOffset now) =>
        view with { NominationsOpen = IsOpen(view.Status, view.NominationsCloseAt, now) };
}
