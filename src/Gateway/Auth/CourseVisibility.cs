using System.Security.Claims;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// What of a course each role reads. Trainees are personal data: the board sees them all, with who rated what; a
/// province sees only its own nominees, their attendance and their ratings, except that the course's host province
/// sees the whole class and its attendance (it runs the class and takes attendance) but still only its own nominees'
/// ratings; a lecturer sees no trainee at all and reads the aggregates of their own sessions elsewhere
/// (<c>GET /api/lecturers/{id}/evaluations</c>).
/// </summary>
public static class CourseVisibility
{
    public static CourseView For(CourseView course, ClaimsPrincipal user)
    {
        if (user.IsBoard())
        {
            return course;
        }

        var own = user.ProvinceCode();
        var hosts = own is not null && string.Equals(course.HostProvince, own, StringComparison.OrdinalIgnoreCase);
        var trainees = (course.Trainees.IsDefault ? [] : course.Trainees)
            .Where(t => hosts || (own is not null && string.Equals(t.ProvinceCode, own, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var ids = trainees.Select(t => t.TraineeId).ToHashSet(StringComparer.Ordinal);
        return course with
        {
            Trainees = [.. trainees],
            Attendance = [.. (course.Attendance.IsDefault ? [] : course.Attendance)
                .Select(day => day with { PresentTraineeIds = [.. day.PresentTraineeIds.Where(ids.Contains)] })],
            Evaluations = [.. (course.Evaluations.IsDefault ? [] : course.Evaluations).Where(e => own is not null && e.ProvinceCode is not null && user.ActsFor(e.ProvinceCode))],
        };
    }
}
