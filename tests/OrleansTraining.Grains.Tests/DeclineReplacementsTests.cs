using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Planning;

namespace OrleansTraining.Grains.Tests;

/// <summary>The rules the cycle uses to answer a decline without re-planning, and the training calendar.</summary>
public sealed class DeclineReplacementsTests
{
    [Fact]
    public void When_every_qualified_lecturer_is_busy_the_reason_counts_why()
    {
        var date = new DateOnly(2027, 3, 3);
        var lecturers = new[]
        {
            new PlanningLecturer("x1", ["t"], [date], 5, [], 0),
            new PlanningLecturer("x2", ["t"], [], 5, [new Booking(date, SessionSlot.Morning, "hue")], 1),
            new PlanningLecturer("x3", ["t"], [], 5, [new Booking(date.AddDays(-1), SessionSlot.Afternoon, "hue")], 1),
            new PlanningLecturer("x4", ["t"], [], 1, [], 1),
            new PlanningLecturer("x5", ["t"], [], 5, [], 0),
        };

        var choice = DeclineReplacements.ChooseLecturer("t", date, SessionSlot.Morning, "can-tho", lecturers, new HashSet<string> { "x5" });

        Assert.Null(choice.LecturerId);
        Assert.Contains("1 declined", choice.Reason);
        Assert.Contains($"1 {ConflictRules.LecturerUnavailable}", choice.Reason);
        Assert.Contains($"1 {ConflictRules.DoubleBooking}", choice.Reason);
        Assert.Contains($"1 {ConflictRules.TravelDay}", choice.Reason);
        Assert.Contains($"1 {ConflictRules.MaxSessions}", choice.Reason);
    }

    [Fact]
    public void A_declined_session_goes_to_the_next_suitable_lecturer()
    {
        var date = new DateOnly(2027, 3, 3);
        var lecturers = new[]
        {
            new PlanningLecturer("x1", ["t"], [], 5, [], 0),
            new PlanningLecturer("x2", ["t"], [], 5, [], 2),
            new PlanningLecturer("x3", ["t"], [], 5, [], 1),
        };

        Assert.Equal("x1", DeclineReplacements.ChooseLecturer("t", date, SessionSlot.Morning, "hue", lecturers, new HashSet<string>()).LecturerId);
        Assert.Equal("x3", DeclineReplacements.ChooseLecturer("t", date, SessionSlot.Morning, "hue", lecturers, new HashSet<string> { "x1" }).LecturerId);
    }

    [Fact]
    public void A_declined_course_goes_to_the_nearest_free_province()
    {
        var start = new DateOnly(2027, 3, 1);
        var end = new DateOnly(2027, 3, 3);
        PlanningProvince P(string code, int capacity = 100, params DateOnly[] unavailable) => new(code, capacity, [.. unavailable], false, 0);
        var provinces = new[] { P("can-tho"), P("vinh-long", 100, start), P("dong-thap", 20), P("ca-mau"), P("ha-noi") };
        var busy = new Dictionary<string, ImmutableArray<(DateOnly, DateOnly)>> { ["ca-mau"] = [(end, end.AddDays(2))] };

        var (host, _) = DeclineReplacements.ChooseReplacementHost(50, start, end, "an-giang", new HashSet<string>(), provinces, busy);
        Assert.Equal("can-tho", host);

        var (next, _) = DeclineReplacements.ChooseReplacementHost(50, start, end, "an-giang", new HashSet<string> { "can-tho" }, provinces, busy);
        Assert.Equal("ha-noi", next); // vinh-long unavailable, dong-thap too small, ca-mau busy

        var (none, reason) = DeclineReplacements.ChooseReplacementHost(500, start, end, "an-giang", new HashSet<string>(), provinces, busy);
        Assert.Null(none);
        Assert.Contains("500 trainees", reason);
    }

    [Fact]
    public void Training_calendar_blocks_weekends_holidays_and_Tet()
    {
        Assert.False(TrainingCalendar.IsTeachingDay(new DateOnly(2027, 3, 6))); // Saturday
        Assert.False(TrainingCalendar.IsTeachingDay(new DateOnly(2027, 2, 8))); // Tết 2027 (6 February)
        Assert.False(TrainingCalendar.IsTeachingDay(new DateOnly(2028, 1, 31))); // Tết 2028 (26 January)
        Assert.False(TrainingCalendar.IsTeachingDay(new DateOnly(2027, 4, 30)));
        Assert.False(TrainingCalendar.IsTeachingDay(new DateOnly(2027, 9, 2)));
        Assert.True(TrainingCalendar.IsTeachingDay(new DateOnly(2027, 3, 3)));
    }
}
