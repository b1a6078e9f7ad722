using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Demo;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Planning;

namespace OrleansTraining.Grains.Tests;

public sealed class FirstPlannerTests
{
    private static readonly DateOnly CycleStart = new(2027, 1, 25);
    private static readonly DateOnly CycleEnd = new(2028, 11, 30);

    /// <summary>The demo's 20 courses, provinces and 40 lecturers, as the planner sees them.</summary>
    private static PlanningInput DemoInput(Func<PlanningLecturer, PlanningLecturer>? lecturer = null) => new(
        CycleStart,
        CycleEnd,
        [.. DemoCourses.Cycle2027.Courses.Select((c, i) => new PlanningCourse(
            $"c{i + 1:00}",
            c.Capacity,
            [.. CurriculumCatalog.Version2027.Select(t => new CourseTopicPlan(t.Code, TeachingMethod.Lecture))]))],
        [.. Provinces.ProvinceDirectory.All.Select(p => new PlanningProvince(
            p.Code,
            DemoProvinces.SettingsFor(p).VenueCapacity,
            DemoProvinces.SettingsFor(p).UnavailableDates,
            DemoProvinces.PreviousCycleHosts.Any(h => h.Code == p.Code),
            0))],
        [.. DemoLecturers.All.Select(l => (lecturer ?? (x => x))(new PlanningLecturer(
            l.Id, l.Lecturer.QualifiedTopics, l.Lecturer.UnavailableDates, l.Lecturer.MaxSessionsPerCycle, [], 0)))]);

    [Fact]
    public void Demo_plan_staffs_every_session_and_breaks_no_hard_rule()
    {
        var input = DemoInput(l => l.Id == "l33" ? l with { UnavailableDates = [.. Enumerable.Range(0, 400).Select(d => CycleStart.AddDays(d))] } : l);
        var plan = FirstPlanner.Plan(input);

        Assert.Equal(20, plan.Courses.Length);
        Assert.All(plan.Courses, c => Assert.NotNull(c.Schedule));
        var sessions = plan.Courses.SelectMany(c => c.Schedule!.Sessions.Select(s => (Course: c, Session: s))).ToList();
        Assert.Equal(200, sessions.Count);
        Assert.All(sessions, x => Assert.NotNull(x.Session.LecturerId));
        AssertHardRules(input, plan);
    }

    [Fact]
    public void Same_input_gives_the_same_plan_whatever_the_input_order()
    {
        var input = DemoInput();
        var shuffled = input with
        {
            Courses = [.. input.Courses.Reverse()],
            Provinces = [.. input.Provinces.OrderBy(p => p.Code.Length).ThenByDescending(p => p.Code)],
            Lecturers = [.. input.Lecturers.Reverse()],
        };

        var first = Describe(FirstPlanner.Plan(input));
        Assert.Equal(first, Describe(FirstPlanner.Plan(input)));
        Assert.Equal(first, Describe(FirstPlanner.Plan(shuffled)));
    }

    [Fact]
    public void Rotation_moves_away_from_last_cycles_hosts_and_respects_venue_capacity()
    {
        var input = DemoInput();
        var plan = FirstPlanner.Plan(input);
        var hosts = plan.Courses.Select(c => c.Schedule!.HostProvince).ToList();

        Assert.DoesNotContain(hosts, h => DemoProvinces.PreviousCycleHosts.Any(p => p.Code == h));
        Assert.Equal(hosts.Count, hosts.Distinct().Count());
    }

    [Fact]
    public void A_session_nobody_is_qualified_for_stays_unstaffed_with_the_reason()
    {
        var input = DemoInput(l => l with { QualifiedTopics = l.QualifiedTopics.Remove(CurriculumCatalog.OfficeWork) });
        var plan = FirstPlanner.Plan(input);

        var unstaffed = plan.Courses.SelectMany(c => c.Schedule!.Sessions).Where(s => s.LecturerId is null).ToList();
        Assert.Equal(20, unstaffed.Count);
        Assert.All(unstaffed, s =>
        {
            Assert.Equal(CurriculumCatalog.OfficeWork, s.TopicCode);
            Assert.Contains("No lecturer is qualified for topic 'office-work'", s.UnstaffedReason);
        });
    }

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

        var choice = FirstPlanner.ChooseLecturer("t", date, SessionSlot.Morning, "can-tho", lecturers, new HashSet<string> { "x5" });

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

        Assert.Equal("x1", FirstPlanner.ChooseLecturer("t", date, SessionSlot.Morning, "hue", lecturers, new HashSet<string>()).LecturerId);
        Assert.Equal("x3", FirstPlanner.ChooseLecturer("t", date, SessionSlot.Morning, "hue", lecturers, new HashSet<string> { "x1" }).LecturerId);
    }

    [Fact]
    public void A_declined_course_goes_to_the_nearest_free_province()
    {
        var start = new DateOnly(2027, 3, 1);
        var end = new DateOnly(2027, 3, 3);
        PlanningProvince P(string code, int capacity = 100, params DateOnly[] unavailable) => new(code, capacity, [.. unavailable], false, 0);
        var provinces = new[] { P("can-tho"), P("vinh-long", 100, start), P("dong-thap", 20), P("ca-mau"), P("ha-noi") };
        var busy = new Dictionary<string, ImmutableArray<(DateOnly, DateOnly)>> { ["ca-mau"] = [(end, end.AddDays(2))] };

        var (host, _) = FirstPlanner.ChooseReplacementHost(50, start, end, "an-giang", new HashSet<string>(), provinces, busy);
        Assert.Equal("can-tho", host);

        var (next, _) = FirstPlanner.ChooseReplacementHost(50, start, end, "an-giang", new HashSet<string> { "can-tho" }, provinces, busy);
        Assert.Equal("ha-noi", next); // vinh-long unavailable, dong-thap too small, ca-mau busy

        var (none, reason) = FirstPlanner.ChooseReplacementHost(500, start, end, "an-giang", new HashSet<string>(), provinces, busy);
        Assert.Null(none);
        Assert.Contains("500 trainees", reason);
    }

    [Fact]
    public void A_course_no_province_can_seat_is_left_unhosted_with_the_reason()
    {
        var input = DemoInput() with { Courses = [new PlanningCourse("big", 5000, [new CourseTopicPlan("cadre-work", TeachingMethod.Lecture)])] };
        var plan = FirstPlanner.Plan(input);

        Assert.Null(plan.Courses[0].Schedule);
        Assert.Contains("5000 trainees", plan.Courses[0].UnhostedReason);
    }

    [Fact]
    public void Bookings_from_elsewhere_and_unavailable_provinces_are_respected()
    {
        var start = new DateOnly(2027, 3, 1);
        var input = new PlanningInput(
            start,
            start.AddDays(60),
            [new PlanningCourse("c1", 50, [new("t", TeachingMethod.Lecture), new("t", TeachingMethod.Discussion), new("t", TeachingMethod.Lecture)])],
            [new PlanningProvince("an-giang", 100, [start], false, 0), new PlanningProvince("hue", 100, [], true, 3)],
            [
                new PlanningLecturer("busy", ["t"], [], 10, [new Booking(new DateOnly(2027, 3, 4), SessionSlot.Morning, "ha-noi")], 0),
                new PlanningLecturer("free", ["t"], [], 10, [], 5),
            ]);

        var schedule = FirstPlanner.Plan(input).Courses.Single().Schedule!;

        // an-giang is blocked on the 1st; hue hosted last cycle, so the course waits a day for an-giang.
        Assert.Equal("an-giang", schedule.HostProvince);
        Assert.Equal(new DateOnly(2027, 3, 2), schedule.Start);
        // "busy" teaches in Hà Nội on the 4th: free on the 2nd, but the 3rd would leave no travel day.
        Assert.Equal(["busy", "busy", "free"], schedule.Sessions.Select(s => s.LecturerId!).ToArray());
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

    private static void AssertHardRules(PlanningInput input, PlanProposal plan)
    {
        var provinces = input.Provinces.ToDictionary(p => p.Code);
        var lecturers = input.Lecturers.ToDictionary(l => l.Id);
        var courses = input.Courses.ToDictionary(c => c.CourseId);
        var bookings = new Dictionary<string, List<Booking>>();
        foreach (var proposal in plan.Courses.Where(c => c.Schedule is not null))
        {
            var schedule = proposal.Schedule!;
            var host = provinces[schedule.HostProvince];
            Assert.True(host.VenueCapacity >= courses[proposal.CourseId].Capacity, $"{proposal.CourseId}: venue too small");
            Assert.DoesNotContain(host.UnavailableDates, d => d >= schedule.Start && d <= schedule.End);
            foreach (var session in schedule.Sessions)
            {
                Assert.True(TrainingCalendar.IsTeachingDay(session.Date), $"{proposal.CourseId}: {session.Date} is not a teaching day");
                Assert.InRange(session.Date, input.Start, input.End);
                if (session.LecturerId is null)
                {
                    continue;
                }

                var lecturer = lecturers[session.LecturerId];
                Assert.Contains(session.TopicCode, lecturer.QualifiedTopics);
                var booking = new Booking(session.Date, session.Slot, schedule.HostProvince);
                var mine = bookings.TryGetValue(lecturer.Id, out var list) ? list : bookings[lecturer.Id] = [];
                var clash = LecturerCalendar.Check(booking, mine, lecturer.UnavailableDates, mine.Count, lecturer.MaxSessionsPerCycle);
                Assert.True(clash is null, $"{lecturer.Id} on {session.Date} {session.Slot}: {clash?.Message}");
                mine.Add(booking);
            }
        }

        var overlapping = plan.Courses.Where(c => c.Schedule is not null).GroupBy(c => c.Schedule!.HostProvince)
            .SelectMany(g => g.SelectMany(a => g.Where(b => a != b && a.Schedule!.Start <= b.Schedule!.End && b.Schedule.Start <= a.Schedule.End)));
        Assert.Empty(overlapping);
    }

    private static string Describe(PlanProposal plan) => string.Join(
        "\n",
        plan.Courses.OrderBy(c => c.CourseId, StringComparer.Ordinal).Select(c =>
            $"{c.CourseId} {c.Schedule?.HostProvince} {c.Schedule?.Start} " + string.Join(",", c.Schedule?.Sessions.Select(s => $"{s.TopicCode}@{s.Date}{s.Slot}={s.LecturerId}") ?? [])));
}
