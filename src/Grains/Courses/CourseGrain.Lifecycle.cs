using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Courses;

/// <summary>After publication: the course is held, attendance is taken day by day, and the board closes it.</summary>
public sealed partial class CourseGrain
{
    public async Task<CourseView> MarkHeldAsync()
    {
        EnsureExists();
        var today = Deadlines.Today(time);
        await state.UpdateAsync(s =>
        {
            if (s.Status is CourseStatus.Held)
            {
                return s; // marked again: already held
            }

            if (s.Status is not CourseStatus.HostConfirmed)
            {
                throw new ConflictException(ConflictRules.InvalidTransition, $"A course is held once published and its host confirmed; it is {s.Status}.");
            }

            return s.Start is DateOnly start && today >= start
                ? s with { Status = CourseStatus.Held }
                : throw new ConflictException(ConflictRules.CourseNotStarted, $"The course starts on {s.Start:yyyy-MM-dd}; today is {today:yyyy-MM-dd}.");
        });
        return View();
    }

    public async Task<CourseView> RecordAttendanceAsync(DailyAttendance attendance, string? actingProvince)
    {
        EnsureExists();
        Require.Present(attendance, "attendance");
        var current = state.State;
        if (actingProvince is not null && !string.Equals(actingProvince, current.HostProvince, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"Only the board or the host province ({current.HostProvince}) records attendance of this course.");
        }

        EnsureOpenForResults(current, "Attendance");
        var today = Deadlines.Today(time);
        if (current.Start is not DateOnly start || current.End is not DateOnly end || attendance.Day < start || attendance.Day > end)
        {
            throw new UnprocessableException("day", $"{attendance.Day:yyyy-MM-dd} is not a day of the course ({current.Start:yyyy-MM-dd} to {current.End:yyyy-MM-dd}).");
        }

        if (attendance.Day > today)
        {
            throw new UnprocessableException("day", $"{attendance.Day:yyyy-MM-dd} has not come yet.");
        }

        var present = attendance.PresentTraineeIds.IsDefault ? [] : attendance.PresentTraineeIds;
        var known = current.Trainees.Select(t => t.TraineeId).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < present.Length; i++)
        {
            if (!known.Contains(present[i] ?? ""))
            {
                throw new UnprocessableException($"presentTraineeIds[{i}]", $"'{present[i]}' is not a trainee of this course.");
            }
        }

        var day = new DailyAttendance(attendance.Day, [.. present.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        await state.UpdateAsync(s =>
        {
            EnsureOpenForResults(s, "Attendance");
            var days = s.Attendance.RemoveAll(d => d.Day == day.Day).Add(day).Sort((a, b) => a.Day.CompareTo(b.Day));
            var attended = days.SelectMany(d => d.PresentTraineeIds).ToHashSet(StringComparer.Ordinal);
            return s with
            {
                Attendance = days,
                Trainees = [.. s.Trainees.Select(t => t with { Attended = attended.Contains(t.TraineeId) })],
            };
        });
        return View();
    }

    public async Task<CourseView> CloseAsync()
    {
        EnsureExists();
        var now = time.GetUtcNow();
        await state.UpdateAsync(s => s.Status switch
        {
            CourseStatus.Held => s with { Status = CourseStatus.Closed, ClosedAt = now },
            CourseStatus.Closed or CourseStatus.Reported => throw new ConflictException(ConflictRules.CourseClosed, "The course is closed already."),
            _ => throw new ConflictException(ConflictRules.InvalidTransition, $"Only a held course can be closed; it is {s.Status}."),
        });
        return View();
    }

    public async Task<CourseView> UpdateNomineeAsync(string traineeId, string provinceCode, Trainee trainee)
    {
        EnsureExists();
        Require.Present(trainee, "trainee");
        var clean = CheckTrainees([trainee], state.State.Audience, "")[0];
        await state.UpdateAsync(s =>
        {
            var index = OwnNomineeIndex(s, traineeId, provinceCode);
            return s with { Trainees = s.Trainees.SetItem(index, s.Trainees[index] with { Trainee = clean }) };
        });
        return View();
    }

    public async Task<CourseView> WithdrawNomineeAsync(string traineeId, string provinceCode)
    {
        EnsureExists();
        await state.UpdateAsync(s =>
        {
            var index = OwnNomineeIndex(s, traineeId, provinceCode);
            return s with { Trainees = s.Trainees.RemoveAt(index), TraineesNumbered = Math.Max(s.TraineesNumbered, s.Trainees.Length) };
        });
        return View();
    }

    /// <summary>Where the province's own nominee is, while nominations may still change; otherwise the refusal.</summary>
    private int OwnNomineeIndex(CourseState s, string traineeId, string provinceCode)
    {
        var index = s.Trainees.Select(t => t.TraineeId).ToList().IndexOf(traineeId);
        if (index < 0)
        {
            throw new NotFoundException("trainee", traineeId);
        }

        if (!string.Equals(s.Trainees[index].ProvinceCode, provinceCode, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"Trainee '{traineeId}' was nominated by another province.");
        }

        if (s.Status is not (CourseStatus.Published or CourseStatus.HostConfirmed))
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"Nominations change only while the course is published; it is {s.Status}.");
        }

        EnsureBeforeNominationDeadline(s);
        return index;
    }

    private void EnsureBeforeNominationDeadline(CourseState s)
    {
        if (NominationsCloseAt(s) is { } close && time.GetUtcNow() >= close)
        {
            throw new ConflictException(ConflictRules.NominationDeadline, $"Nominations for this course closed at {close:yyyy-MM-dd HH:mm zzz}.");
        }
    }

    /// <summary>Nominations close at the start (Vietnam time) of the day a set number of days before the course.</summary>
    private DateTimeOffset? NominationsCloseAt(CourseState s) =>
        s.Start is DateOnly start ? Deadlines.StartOfDay(start.AddDays(-deadlines.Value.NominationDaysBeforeStart)) : null;

    /// <summary>Attendance and evaluations are taken while the course is held, and freeze when it closes.</summary>
    private static void EnsureOpenForResults(CourseState s, string what)
    {
        if (s.Status is CourseStatus.Closed or CourseStatus.Reported)
        {
            throw new ConflictException(ConflictRules.CourseClosed, $"{what} froze when the course closed.");
        }

        if (s.Status is not CourseStatus.Held)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"{what} is recorded once the board marks the course held; it is {s.Status}.");
        }
    }
}
