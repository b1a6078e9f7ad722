using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// After publish, through HTTP: a course is held, attendance taken per day, trainees evaluate through single-use links
/// or paper, the course closes and freezes, the cycle closes and rolls over; provinces edit nominees until the deadline.
/// Each test runs its own cycle; the clock is set to the day the step needs.
/// </summary>
public sealed class LifecycleTests(ClockedGatewayFixture gateway) : IClassFixture<ClockedGatewayFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task A_course_is_held_from_its_first_day_and_attendance_is_taken_per_day_by_the_board_or_the_host()
    {
        var (course, host, trainees) = await ConfirmedCourseAsync("2031-2032");
        var id = course.Str("id");
        var board = await _session.BoardAsync();

        var early = await board.PostAsync($"/api/courses/{id}/held", null);
        Assert.Equal("course-not-started", (await early.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        OnFirstDay(course);
        var intruder = await _session.ProvinceAsync(Other(host));
        await (await intruder.PostAsync($"/api/courses/{id}/held", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("HostConfirmed", (await _scenario.CourseAsync(id)).Str("status"));
        Assert.Equal("Held", (await board.PostJsonAsync($"/api/courses/{id}/held", null)).Str("status"));

        var day = course.Str("start");
        var hostClient = await _session.ProvinceAsync(host);
        var taken = await hostClient.PostJsonAsync($"/api/courses/{id}/attendance", new { day, presentTraineeIds = new[] { trainees[0] } });
        Assert.Equal([true, false], taken.Items("trainees").Select(t => t.GetProperty("attended").GetBoolean()).ToArray());
        Assert.Equal(day, taken.Items("attendance").Single().Str("day"));

        var forbidden = await intruder.PostAsJsonAsync($"/api/courses/{id}/attendance", new { day, presentTraineeIds = trainees });
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
        var lecturer = await (await _session.LecturerAsync("l01")).PostAsJsonAsync($"/api/courses/{id}/attendance", new { day, presentTraineeIds = trainees });
        await lecturer.ProblemAsync(HttpStatusCode.Forbidden);
        var unknown = await board.PostAsJsonAsync($"/api/courses/{id}/attendance", new { day, presentTraineeIds = new[] { trainees[0], "t999" } });
        Assert.Equal(["presentTraineeIds[1]"], (await unknown.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var outside = await board.PostAsJsonAsync($"/api/courses/{id}/attendance", new { day = "2020-01-01", presentTraineeIds = trainees });
        Assert.Equal(["day"], (await outside.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var missing = await board.PostAsJsonAsync($"/api/courses/{id}/attendance", new { presentTraineeIds = trainees });
        Assert.Equal(["day"], (await missing.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var after = await _scenario.CourseAsync(id);
        Assert.Equal([trainees[0]], after.Items("attendance").Single().Items("presentTraineeIds").Select(x => x.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_trainee_rates_every_session_once_through_a_personal_link_that_needs_no_account()
    {
        var (course, host, trainees) = await HeldCourseAsync("2033-2034");
        var id = course.Str("id");
        var board = await _session.BoardAsync();
        await (await (await _session.ProvinceAsync(host)).PostAsync($"/api/courses/{id}/evaluation-links", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var links = await board.PostJsonAsync($"/api/courses/{id}/evaluation-links", null);
        Assert.Equal(trainees.Length, links.GetArrayLength());
        var token = links[0].Str("token");
        var anonymous = _session.Anonymous();

        var form = await anonymous.GetJsonAsync($"/api/evaluations/{token}");
        var sessions = form.Items("sessions").Select(s => s.Str("sessionId")).ToArray();
        Assert.NotEmpty(sessions);
        var badScore = await anonymous.PostAsJsonAsync($"/api/evaluations/{token}", Ratings(sessions, content: 7));
        Assert.Equal(["ratings[0].content"], (await badScore.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var unknownSession = await anonymous.PostAsJsonAsync($"/api/evaluations/{token}", new { ratings = new[] { new { sessionId = "s99", content = 4, method = 4, usefulness = 4 } } });
        Assert.Equal(["ratings[0].sessionId"], (await unknownSession.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var submitted = await anonymous.PostAsJsonAsync($"/api/evaluations/{token}", Ratings(sessions, content: 5, comment: "Sát thực tế"));
        Assert.Equal(HttpStatusCode.NoContent, submitted.StatusCode);

        var again = await anonymous.PostAsJsonAsync($"/api/evaluations/{token}", Ratings(sessions, content: 1));
        Assert.Equal("evaluation-already-submitted", (await again.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        await (await anonymous.GetAsync($"/api/evaluations/{id}.not-a-real-secret")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/evaluations/nothing")).ProblemAsync(HttpStatusCode.NotFound);

        // The board reads who said what; the trainee's province its own; another province and lecturers nothing.
        var rows = (await _scenario.CourseAsync(id)).Items("evaluations").ToList();
        Assert.Equal(sessions.Length, rows.Count);
        Assert.All(rows, r => Assert.Equal(5, r.GetProperty("content").GetInt32()));
        var province = links[0].Str("provinceCode");
        Assert.Equal(sessions.Length, (await (await _session.ProvinceAsync(province)).GetJsonAsync($"/api/courses/{id}")).Items("evaluations").Count());
        Assert.Empty((await (await _session.ProvinceAsync(Other(province))).GetJsonAsync($"/api/courses/{id}")).Items("evaluations"));
        var lecturerId = course.Items("sessions").First(s => s.Str("sessionId") == sessions[0]).Str("lecturerId");
        var lecturer = await _session.LecturerAsync(lecturerId);
        Assert.Empty((await lecturer.GetJsonAsync($"/api/courses/{id}")).Items("evaluations"));

        var own = (await lecturer.GetJsonAsync($"/api/lecturers/{lecturerId}/evaluations")).EnumerateArray().Where(x => x.Str("courseId") == id).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, x => Assert.Equal(lecturerId, x.Str("lecturerId")));
        Assert.All(own, x => Assert.Equal(1, x.GetProperty("count").GetInt32()));
        Assert.All(own, x => Assert.False(x.TryGetProperty("traineeId", out _)));
        Assert.DoesNotContain("Sát thực tế", own[0].GetRawText(), StringComparison.Ordinal);
        var otherLecturer = lecturerId == "l01" ? "l02" : "l01";
        await (await (await _session.LecturerAsync(otherLecturer)).GetAsync($"/api/lecturers/{lecturerId}/evaluations")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_board_types_in_paper_forms_and_closing_the_course_freezes_attendance_and_evaluations()
    {
        var (course, host, trainees) = await HeldCourseAsync("2035-2036");
        var id = course.Str("id");
        var board = await _session.BoardAsync();
        var sessions = course.Items("sessions").Select(s => s.Str("sessionId")).ToArray();
        var links = await board.PostJsonAsync($"/api/courses/{id}/evaluation-links", null);
        var paper = new { traineeId = trainees[1], ratings = Ratings(sessions, content: 3).ratings };

        var hostTries = await (await _session.ProvinceAsync(host)).PostAsJsonAsync($"/api/courses/{id}/evaluations", paper);
        await hostTries.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await _scenario.CourseAsync(id)).Items("evaluations"));
        var unknownTrainee = await board.PostAsJsonAsync($"/api/courses/{id}/evaluations", new { traineeId = "t999", paper.ratings });
        Assert.Equal(["traineeId"], (await unknownTrainee.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var entered = await board.PostJsonAsync($"/api/courses/{id}/evaluations", paper);
        Assert.Equal(sessions.Length, entered.Items("evaluations").Count(e => e.Str("source") == "Paper"));
        // The trainee who answered on paper has used their evaluation: their link no longer takes a form.
        var usedLink = links.EnumerateArray().Single(l => l.Str("traineeId") == trainees[1]).Str("token");
        await (await _session.Anonymous().PostAsJsonAsync($"/api/evaluations/{usedLink}", Ratings(sessions, content: 4))).ProblemAsync(HttpStatusCode.Conflict);

        await (await (await _session.ProvinceAsync(host)).PostAsync($"/api/courses/{id}/close", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Closed", (await board.PostJsonAsync($"/api/courses/{id}/close", null)).Str("status"));

        var attendance = await board.PostAsJsonAsync($"/api/courses/{id}/attendance", new { day = course.Str("start"), presentTraineeIds = trainees });
        Assert.Equal("course-closed", (await attendance.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        var late = await board.PostAsJsonAsync($"/api/courses/{id}/evaluations", new { ratings = Ratings(sessions, content: 2).ratings });
        Assert.Equal("course-closed", (await late.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        var openLink = links.EnumerateArray().Single(l => l.Str("traineeId") == trainees[0]).Str("token");
        var lateLink = await _session.Anonymous().PostAsJsonAsync($"/api/evaluations/{openLink}", Ratings(sessions, content: 2));
        Assert.Equal("course-closed", (await lateLink.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        Assert.Equal(sessions.Length, (await _scenario.CourseAsync(id)).Items("evaluations").Count());
    }

    [Fact]
    public async Task The_cycle_closes_when_every_course_is_closed_and_rolls_over_with_a_chosen_curriculum_and_open_recommendations()
    {
        const string cycleId = "2037-2038";
        var (course, host, _) = await HeldCourseAsync(cycleId);
        var id = course.Str("id");
        var board = await _session.BoardAsync();
        await board.PutJsonAsync($"/api/cycles/{cycleId}/conclusions", new
        {
            conclusions = "Các lớp hoàn thành tốt mục tiêu.",
            recommendations = new object[] { new { text = "Gửi tài liệu trước", status = "Open" }, new { text = "Mở lớp 2 năm/lần", status = "Done" } },
        });

        var open = await board.PostAsync($"/api/cycles/{cycleId}/close", null);
        var problem = await open.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("cycle-has-open-courses", problem.Str("rule"));
        Assert.Contains(id, problem.Str("detail"), StringComparison.Ordinal);
        await board.PostJsonAsync($"/api/courses/{id}/close", null);
        await (await (await _session.ProvinceAsync(host)).PostAsync($"/api/cycles/{cycleId}/close", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Closed", (await board.PostJsonAsync($"/api/cycles/{cycleId}/close", null)).Str("status"));
        await _scenario.CourseAsync(id, c => c.Str("status") == "Reported", "the closed cycle reports its course");

        var unknown = await board.PostAsJsonAsync($"/api/cycles/{cycleId}/roll-over", new { curriculumVersion = "1999" });
        Assert.Equal(["curriculumVersion"], (await unknown.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        await (await (await _session.ProvinceAsync(host)).PostAsJsonAsync($"/api/cycles/{cycleId}/roll-over", new { curriculumVersion = "2027" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null((await board.GetJsonAsync($"/api/cycles/{cycleId}")).StrOrNull("nextCycleId"));

        var next = await board.PostJsonAsync($"/api/cycles/{cycleId}/roll-over", new { curriculumVersion = "2012" }, HttpStatusCode.Created);
        Assert.Equal("2039-2040", next.Str("id"));
        Assert.Equal("2012", next.Str("curriculumVersion"));
        Assert.Equal("Draft", next.Str("status"));
        Assert.Contains(host, next.Items("previousHosts").Select(h => h.GetString()));
        var carried = next.Items("recommendations").Single();
        Assert.Equal(("Gửi tài liệu trước", cycleId), (carried.Str("text"), carried.Str("fromCycleId")));
        Assert.Equal("2039-2040", (await board.GetJsonAsync($"/api/cycles/{cycleId}")).Str("nextCycleId"));
        // The lecturer pool is the registry's: the new cycle plans with it and staffs its sessions.
        var plan = await board.PostJsonAsync("/api/cycles/2039-2040/plan", null);
        Assert.True(plan.GetProperty("sessionsStaffed").GetInt32() > 0);
        var again = await board.PostAsJsonAsync($"/api/cycles/{cycleId}/roll-over", new { });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_province_edits_and_withdraws_only_its_own_nominees_until_the_nomination_deadline()
    {
        gateway.Clock.Reset();
        await _scenario.CreateCycleAsync("2041-2042", courses: 1);
        var course = (await _scenario.PlanAndPublishAsync("2041-2042")).Items("courses").Single();
        var id = course.Str("id");
        var hue = await _session.ProvinceAsync("hue");
        var canTho = await _session.ProvinceAsync("can-tho");
        await hue.PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 2, "Huế") });
        var nominated = await canTho.PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Cần Thơ") });
        var hueTrainee = nominated.Items("trainees").First(t => t.Str("provinceCode") == "hue").Str("traineeId");
        var canThoTrainee = nominated.Items("trainees").Single(t => t.Str("provinceCode") == "can-tho").Str("traineeId");

        var listed = (await hue.GetJsonAsync("/api/provinces/hue/open-courses")).EnumerateArray().Single(c => c.Str("courseId") == id);
        Assert.Equal(2, listed.Items("ownNominees").Count());
        Assert.Equal(course.GetProperty("capacity").GetInt32() - 3, listed.GetProperty("placesLeft").GetInt32());
        await (await canTho.GetAsync("/api/provinces/hue/open-courses")).ProblemAsync(HttpStatusCode.Forbidden);

        var position = course.GetProperty("audience").Items("positions").First().GetString();
        var level = course.GetProperty("audience").Items("levels").First().GetString();
        var edited = await hue.PutJsonAsync($"/api/courses/{id}/nominations/{hueTrainee}", new { fullName = "Nguyễn Thị Huế", position, level, unit = "Phòng Tổ chức" });
        Assert.Equal("Nguyễn Thị Huế", edited.Items("trainees").Single(t => t.Str("traineeId") == hueTrainee).GetProperty("trainee").Str("fullName"));
        var blank = await hue.PutAsJsonAsync($"/api/courses/{id}/nominations/{hueTrainee}", new { fullName = " ", position, level });
        Assert.Equal(["fullName"], (await blank.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var notOurs = await hue.PutAsJsonAsync($"/api/courses/{id}/nominations/{canThoTrainee}", new { fullName = "Người khác", position, level });
        await notOurs.ProblemAsync(HttpStatusCode.Forbidden);
        await (await hue.DeleteAsync($"/api/courses/{id}/nominations/{canThoTrainee}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await _session.BoardAsync()).DeleteAsync($"/api/courses/{id}/nominations/{canThoTrainee}")).ProblemAsync(HttpStatusCode.Forbidden);
        var unchanged = await _scenario.CourseAsync(id);
        Assert.Equal("Cần Thơ trainee 1", unchanged.Items("trainees").Single(t => t.Str("traineeId") == canThoTrainee).GetProperty("trainee").Str("fullName"));

        var withdrawn = await hue.DeleteAsync($"/api/courses/{id}/nominations/{hueTrainee}");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(2, (await _scenario.CourseAsync(id)).Items("trainees").Count());

        gateway.Clock.Set(DateTimeOffset.Parse(course.Str("nominationsCloseAt"), CultureInfo.InvariantCulture).AddMinutes(1));
        var late = await canTho.DeleteAsync($"/api/courses/{id}/nominations/{canThoTrainee}");
        Assert.Equal("nomination-deadline-passed", (await late.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        var lateAdd = await hue.PostAsJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Huế muộn") });
        await lateAdd.ProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain((await hue.GetJsonAsync("/api/provinces/hue/open-courses")).EnumerateArray(), c => c.Str("courseId") == id);
        Assert.Equal(2, (await _scenario.CourseAsync(id)).Items("trainees").Count());
    }

    [Fact]
    public async Task The_2027_2028_demo_cycle_runs_to_its_end_and_rolls_into_2029_2030_with_every_report_section_filled()
    {
        gateway.Clock.Reset();
        var board = await _session.BoardAsync();
        var plan = await _scenario.PlanAndPublishAsync(Scenario.DemoCycle);
        foreach (var offer in Scenario.Offers(plan))
        {
            var accepted = await (await _session.LecturerAsync(offer.LecturerId)).PostAsync($"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept", null);
            Assert.True(accepted.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{offer}: {(int)accepted.StatusCode}");
        }

        var awaiting = Scenario.CoursesAwaitingHost(plan);
        Assert.Equal(plan.Items("courses").Count(), awaiting.Count);
        foreach (var course in awaiting)
        {
            var host = course.Str("hostProvince");
            await (await _session.ProvinceAsync(host)).PostJsonAsync(
                $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/confirm", Scenario.Logistics($"Hội trường {host}"));
        }

        var courses = new List<JsonElement>();
        foreach (var (course, i) in awaiting.OrderBy(c => c.Str("start"), StringComparer.Ordinal).Select((c, i) => (c, i)))
        {
            var id = course.Str("id");
            await _scenario.CourseAsync(id, c => c.Str("status") == "HostConfirmed", "the host's confirmation reaches the course");
            await (await _session.ProvinceAsync("hue")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Huế") });
            await (await _session.ProvinceAsync("can-tho")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Cần Thơ") });
            if (i % 2 == 0)
            {
                await board.PostJsonAsync($"/api/courses/{id}/materials-sent", null); // today: well before the start
            }

            courses.Add(course);
        }

        foreach (var (course, i) in courses.Select((c, i) => (c, i)))
        {
            var id = course.Str("id");
            OnFirstDay(course);
            var held = await board.PostJsonAsync($"/api/courses/{id}/held", null);
            var trainees = held.Items("trainees").Select(t => t.Str("traineeId")).ToArray();
            await board.PostJsonAsync($"/api/courses/{id}/attendance", new { day = course.Str("start"), presentTraineeIds = trainees[..1] });
            if (i % 2 == 1)
            {
                await board.PostJsonAsync($"/api/courses/{id}/materials-sent", new { sentOn = course.Str("start") }); // on the first day: late
            }

            var link = (await board.PostJsonAsync($"/api/courses/{id}/evaluation-links", null))[0].Str("token");
            var sessions = held.Items("sessions").Select(x => x.Str("sessionId")).ToArray();
            var sent = await _session.Anonymous().PostAsJsonAsync($"/api/evaluations/{link}", Ratings(sessions, content: 3 + (i % 3)));
            Assert.Equal(HttpStatusCode.NoContent, sent.StatusCode);
            await board.PostJsonAsync($"/api/courses/{id}/close", null);
        }

        await board.PutJsonAsync($"/api/cycles/{Scenario.DemoCycle}/conclusions", new
        {
            conclusions = "Các lớp hoàn thành mục tiêu; tài liệu một số lớp gửi muộn.",
            recommendations = new[] { new { text = "Gửi tài liệu trước 14 ngày cho mọi lớp", status = "Open" } },
        });
        Assert.Equal("Closed", (await board.PostJsonAsync($"/api/cycles/{Scenario.DemoCycle}/close", null)).Str("status"));

        var report = await board.GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}/report");
        Assert.Equal(courses.Count, report.GetProperty("coursesHeld").GetInt32());
        Assert.All(report.Items("courseDetails"), c => Assert.NotEmpty(c.Items("topics")));
        Assert.Contains(report.Items("courseDetails"), c => c.Items("lecturers").Any());
        Assert.Equal(2, report.Items("attendanceByProvince").Count(p => p.GetProperty("nominated").GetInt32() > 0));
        Assert.Equal(32, report.Items("provincesThatSentNobody").Count());
        Assert.Equal(courses.Count, report.GetProperty("traineesAttended").GetInt32());
        Assert.NotEmpty(report.Items("evaluationByTopic"));
        Assert.NotEmpty(report.Items("evaluationByLecturer"));
        Assert.NotEmpty(report.Items("evaluationByMethod"));
        Assert.Equal((courses.Count + 1) / 2, report.GetProperty("materialsOnTime").GetInt32());
        Assert.Equal(courses.Count / 2, report.GetProperty("materialsLate").GetInt32());
        Assert.False(string.IsNullOrEmpty(report.Str("conclusions")));
        Assert.NotEmpty(report.Items("recommendations"));

        var next = await board.PostJsonAsync($"/api/cycles/{Scenario.DemoCycle}/roll-over", new { curriculumVersion = "2027" }, HttpStatusCode.Created);
        Assert.Equal("2029-2030", next.Str("id"));
        Assert.Equal(courses.Count, next.Items("courseIds").Count());
        Assert.Subset(next.Items("previousHosts").Select(h => h.GetString()!).ToHashSet(), courses.Select(c => c.Str("hostProvince")).ToHashSet());
        Assert.Equal("Gửi tài liệu trước 14 ngày cho mọi lớp", next.Items("recommendations").Single().Str("text"));
    }

    /// <summary>A course of a fresh one-course cycle: published, offers accepted, host confirmed, two provinces' trainees nominated.</summary>
    private async Task<(JsonElement Course, string Host, string[] Trainees)> ConfirmedCourseAsync(string cycleId)
    {
        gateway.Clock.Reset();
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var plan = await _scenario.PlanAndPublishAsync(cycleId);
        foreach (var offer in Scenario.Offers(plan))
        {
            await (await _session.LecturerAsync(offer.LecturerId)).PostJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept", null);
        }

        var course = Scenario.CoursesAwaitingHost(plan).Single();
        var id = course.Str("id");
        var host = course.Str("hostProvince");
        await (await _session.ProvinceAsync(host)).PostJsonAsync(
            $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/confirm", Scenario.Logistics("Hội trường Tỉnh ủy"));
        course = await _scenario.CourseAsync(id, c => c.Str("status") == "HostConfirmed"
            && c.Items("sessions").All(s => s.Str("staffing") == "Accepted"), "the host's confirmation and the accepted offers reach the course");
        await (await _session.ProvinceAsync("hue")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Huế") });
        var nominated = await (await _session.ProvinceAsync("can-tho")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Cần Thơ") });
        return (nominated, host, [.. nominated.Items("trainees").Select(t => t.Str("traineeId"))]);
    }

    private async Task<(JsonElement Course, string Host, string[] Trainees)> HeldCourseAsync(string cycleId)
    {
        var (course, host, trainees) = await ConfirmedCourseAsync(cycleId);
        OnFirstDay(course);
        var held = await (await _session.BoardAsync()).PostJsonAsync($"/api/courses/{course.Str("id")}/held", null);
        return (held, host, trainees);
    }

    private void OnFirstDay(JsonElement course) =>
        gateway.Clock.Set(new DateTimeOffset(DateOnly.Parse(course.Str("start"), CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), Vietnam));

    private static string Other(string province) => province == "hue" ? "ha-noi" : "hue";

    private static RatingsBody Ratings(IEnumerable<string> sessions, int content, string? comment = null) =>
        new([.. sessions.Select(s => new Rating(s, content, 4, 5, comment))]);

    private sealed record Rating(string sessionId, int content, int method, int usefulness, string? comment);

    private sealed record RatingsBody(Rating[] ratings);
}
