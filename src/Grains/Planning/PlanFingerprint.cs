using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Planning;

/// <summary>A short digest of a plan's hosts, dates and lecturers: equal digests, same plan.</summary>
public static class PlanFingerprint
{
    public static string Of(Engine.CyclePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        foreach (var course in plan.Courses.OrderBy(c => c.CourseId, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{course.CourseId} {course.HostProvince} {course.Start:yyyy-MM-dd} {course.End:yyyy-MM-dd}\n");
        }

        foreach (var session in plan.Sessions.OrderBy(s => s.SessionId, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{session.SessionId} {session.Date:yyyy-MM-dd} {session.Slot} {session.LecturerId}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
    }
}
