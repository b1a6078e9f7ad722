using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// Holds the engine's staffing to the lecturer grain's own calendar rule (<see cref="LecturerCalendar"/>). The engine lets
/// a lecturer drive up to four hours in the evening between provinces, while a lecturer grain refuses to accept sessions
/// in two provinces on consecutive days; an offer the lecturer could never accept would be worse than none. Each session
/// that breaks the grain's rule goes to the least-loaded lecturer the calendar allows, or stays unstaffed with the reason.
/// </summary>
public static class CalendarReconciler
{
    public static ImmutableArray<CourseProposal> Reconcile(ImmutableArray<CourseProposal> proposals, CycleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var planned = snapshot.Courses.Select(c => c.View.Id).ToHashSet(StringComparer.Ordinal);
        var lecturers = snapshot.Lecturers.ToDictionary(
            l => l.Id,
            l =>
            {
                var elsewhere = l.Assignments
                    .Where(a => a.Status is AssignmentStatus.Offered or AssignmentStatus.Accepted && !planned.Contains(a.Offer.CourseId))
                    .ToList();
                return new PlanningLecturer(
                    l.Id,
                    l.QualifiedTopics,
                    l.UnavailableDates,
                    l.MaxSessionsPerCycle,
                    [.. elsewhere.Select(a => new Booking(a.Offer.Date, a.Offer.Slot, a.Offer.ProvinceCode))],
                    elsewhere.Count(a => a.Offer.CycleId == snapshot.CycleId));
            },
            StringComparer.Ordinal);
        var sessions = proposals
            .Where(p => p.Schedule is not null)
            .SelectMany(p => p.Schedule!.Sessions.Select((s, i) => (Course: p.CourseId, Index: i, Session: s, Host: p.Schedule.HostProvince)))
            .OrderBy(x => x.Session.Date).ThenBy(x => x.Session.Slot).ThenBy(x => x.Course, StringComparer.Ordinal)
            .ToList();
        var decided = new Dictionary<(string Course, int Index), PlannedSession>();
        foreach (var (course, index, session, host) in sessions.Where(x => x.Session.LecturerId is not null))
        {
            var chosen = lecturers.GetValueOrDefault(session.LecturerId!);
            var clash = chosen is null
                ? new BookingClash("unknown-lecturer", $"Lecturer '{session.LecturerId}' is not registered.")
                : LecturerCalendar.Check(new Booking(session.Date, session.Slot, host), chosen.Bookings, chosen.UnavailableDates, chosen.SessionsInCycle, chosen.MaxSessionsPerCycle);
            var lecturerId = session.LecturerId;
            if (clash is not null)
            {
                var declined = snapshot.Declined.GetValueOrDefault($"{course}/s{index + 1:00}", []).ToHashSet(StringComparer.Ordinal);
                var choice = DeclineReplacements.ChooseLecturer(session.TopicCode, session.Date, session.Slot, host, lecturers.Values, declined);
                lecturerId = choice.LecturerId;
                decided[(course, index)] = session with { LecturerId = lecturerId, UnstaffedReason = lecturerId is null ? choice.Reason : null };
            }

            if (lecturerId is not null)
            {
                var l = lecturers[lecturerId];
                lecturers[lecturerId] = l with { Bookings = l.Bookings.Add(new Booking(session.Date, session.Slot, host)), SessionsInCycle = l.SessionsInCycle + 1 };
            }
        }

        return decided.Count == 0
            ? proposals
            : [.. proposals.Select(p => p.Schedule is null ? p : p with
            {
                Schedule = p.Schedule with { Sessions = [.. p.Schedule.Sessions.Select((s, i) => decided.GetValueOrDefault((p.CourseId, i), s))] },
            })];
    }
}
