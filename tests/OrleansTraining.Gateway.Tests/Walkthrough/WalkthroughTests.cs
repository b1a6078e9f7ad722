using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Walkthrough;

/// <summary>
/// The README walk (docs/walkthrough.md), step by step through HTTP: the board plans and publishes the demo cycle,
/// a host province confirms and another declines, a lecturer accepts and another declines an offer, a province
/// nominates, the board marks materials sent and reads the report. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class WalkthroughTests(GatewayFixture gateway)
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task The_three_roles_walk_through_a_cycle()
    {
        var board = await _session.BoardAsync();

        // The board finds the demo cycle ready to plan, plans and publishes it.
        var cycle = await board.GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}");
        Assert.Equal("Draft", cycle.Str("status"));
        Assert.NotEmpty(cycle.Items("courseIds"));
        var plan = await _scenario.PlanAndPublishAsync(Scenario.DemoCycle);
        Assert.All(plan.Items("courses"), course => Assert.NotNull(course.StrOrNull("hostProvince")));
        var awaitingHost = Scenario.CoursesAwaitingHost(plan);
        Assert.True(awaitingHost.Count >= 2, "the demo cycle has at least two courses to host");

        // A host province sees its request and confirms it with logistics.
        var hosted = awaitingHost[0];
        var host = hosted.Str("hostProvince");
        var hostClient = await _session.ProvinceAsync(host);
        var requests = await hostClient.GetJsonAsync($"/api/provinces/{host}/hosting-requests");
        Assert.Contains(requests.EnumerateArray(), r => r.GetProperty("request").Str("requestId") == hosted.Str("hostingRequestId"));
        var confirmed = await hostClient.PostJsonAsync(
            $"/api/provinces/{host}/hosting-requests/{hosted.Str("hostingRequestId")}/confirm", Scenario.Logistics("Trường Chính trị tỉnh"));
        Assert.Equal("Confirmed", confirmed.Str("status"));
        var hostedCourse = await _scenario.CourseAsync(hosted.Str("id"), c => c.Str("status") == "HostConfirmed", "the course shows its host confirmed");
        Assert.Equal("HostConfirmed", hostedCourse.Str("status"));
        Assert.Equal("Trường Chính trị tỉnh", hostedCourse.GetProperty("hostLogistics").Str("venue"));

        // Another province declines; the course is proposed to another province.
        var declined = awaitingHost[1];
        var decliner = declined.Str("hostProvince");
        var declinedAnswer = await (await _session.ProvinceAsync(decliner)).PostJsonAsync(
            $"/api/provinces/{decliner}/hosting-requests/{declined.Str("hostingRequestId")}/decline", new { reason = "The provincial hall is under renovation." });
        Assert.Equal("Declined", declinedAnswer.Str("status"));
        var reproposed = await _scenario.CourseAsync(
            declined.Str("id"), c => c.Items("declinedByProvinces").Any(p => p.GetString() == decliner), "the course moved on from the province that declined");
        Assert.Contains(decliner, reproposed.Items("declinedByProvinces").Select(p => p.GetString()));
        Assert.NotEqual(decliner, reproposed.StrOrNull("hostProvince"));

        // A lecturer accepts an offer; another declines one, and the session is offered to someone else.
        var offers = Scenario.Offers(plan);
        var accepted = offers[0];
        var acceptingClient = await _session.LecturerAsync(accepted.LecturerId);
        var assignments = await acceptingClient.GetJsonAsync($"/api/lecturers/{accepted.LecturerId}/assignments");
        Assert.Contains(assignments.EnumerateArray(), a => a.GetProperty("offer").Str("assignmentId") == accepted.AssignmentId && a.Str("status") == "Offered");
        var acceptance = await acceptingClient.PostJsonAsync($"/api/lecturers/{accepted.LecturerId}/assignments/{accepted.AssignmentId}/accept", null);
        Assert.Equal("Accepted", acceptance.Str("status"));
        await _scenario.CourseAsync(accepted.CourseId, c => Scenario.Session(c, accepted.SessionId).Str("staffing") == "Accepted", "the session shows the acceptance");

        var refused = offers.First(o => o.LecturerId != accepted.LecturerId);
        var refusal = await (await _session.LecturerAsync(refused.LecturerId)).PostJsonAsync(
            $"/api/lecturers/{refused.LecturerId}/assignments/{refused.AssignmentId}/decline", new { reason = "Teaching abroad that week." });
        Assert.Equal("Declined", refusal.Str("status"));
        var reoffered = Scenario.Session(
            await _scenario.CourseAsync(refused.CourseId, c => Scenario.Session(c, refused.SessionId).StrOrNull("assignmentId") != refused.AssignmentId, "the declined session was offered again"),
            refused.SessionId);
        Assert.NotEqual(refused.AssignmentId, reoffered.StrOrNull("assignmentId"));
        Assert.NotEqual(refused.LecturerId, reoffered.StrOrNull("lecturerId"));

        // The lecturer who declined declares dates they cannot teach.
        var unavailable = await (await _session.LecturerAsync(refused.LecturerId)).PutJsonAsync(
            $"/api/lecturers/{refused.LecturerId}/unavailability", new { dates = new[] { "2028-12-24", "2028-12-25" } });
        Assert.Equal(["2028-12-24", "2028-12-25"], unavailable.Items("unavailableDates").Select(d => d.GetString()));

        // The host province nominates trainees within its quota.
        var nominated = await hostClient.PostJsonAsync(
            $"/api/courses/{hosted.Str("id")}/nominations", new { trainees = Scenario.Trainees(hostedCourse, 2, host) });
        Assert.Equal(2, nominated.Items("trainees").Count(t => t.Str("provinceCode") == host));

        // The board marks the materials sent and reads the report.
        var materials = await board.PostJsonAsync($"/api/courses/{hosted.Str("id")}/materials-sent", new { });
        Assert.NotNull(materials.StrOrNull("materialsSentOn"));
        var report = await board.GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}/report");
        Assert.Equal(Scenario.DemoCycle, report.Str("cycleId"));
        Assert.True(report.GetProperty("traineesNominated").GetInt32() >= 2);
        Assert.Equal(2, report.GetProperty("traineesByProvince").GetProperty(host).GetInt32());
        Assert.DoesNotContain(host, report.Items("provincesThatSentNobody").Select(p => p.GetString()));
        Assert.NotEmpty(report.Items("provincesThatSentNobody"));

        await RunToTheEndAsync(board, hostClient, hostedCourse, [.. nominated.Items("trainees").Where(t => t.Str("provinceCode") == host).Select(t => t.Str("traineeId"))], plan);
    }

    /// <summary>
    /// Step 7 of the walk: the confirmed course is held on its first day, attendance taken, a trainee rates every session
    /// through a personal link, the course closes; the others are cancelled this time; the cycle closes, its report is
    /// read, and it rolls over into 2029–2030.
    /// </summary>
    private async Task RunToTheEndAsync(HttpClient board, HttpClient hostClient, JsonElement course, string[] trainees, JsonElement plan)
    {
        var courseId = course.Str("id");
        var host = course.Str("hostProvince");
        var start = DateOnly.Parse(course.Str("start"), CultureInfo.InvariantCulture);

        // Until the nomination deadline the province sees the course open, and edits or withdraws its own nominees.
        var open = await hostClient.GetJsonAsync($"/api/provinces/{host}/open-courses");
        Assert.Contains(open.EnumerateArray(), c => c.Str("courseId") == courseId);
        var edited = await hostClient.PutJsonAsync($"/api/courses/{courseId}/nominations/{trainees[1]}", new { fullName = "Trần Thị Bình", position = "Head", level = "Provincial" });
        Assert.Equal("Trần Thị Bình", edited.Items("trainees").Single(t => t.Str("traineeId") == trainees[1]).GetProperty("trainee").Str("fullName"));
        var withdrawn = await (await hostClient.DeleteAsync($"/api/courses/{courseId}/nominations/{trainees[1]}")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(withdrawn.Items("trainees"), t => t.Str("traineeId") == trainees[1]);
        trainees = trainees[..1];

        try
        {
            await (await board.PostAsync($"/api/courses/{courseId}/held", null)).ProblemAsync(HttpStatusCode.Conflict); // not yet its first day
            gateway.Clock.Set(new DateTimeOffset(start.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
            Assert.Equal("Held", (await board.PostJsonAsync($"/api/courses/{courseId}/held", null)).Str("status"));
            var attendance = await hostClient.PostJsonAsync(
                $"/api/courses/{courseId}/attendance", new { day = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), presentTraineeIds = trainees });
            Assert.Equal(trainees.Length, attendance.Items("attendance").Single().Items("presentTraineeIds").Count());

            var link = (await board.PostJsonAsync($"/api/courses/{courseId}/evaluation-links", null))[0].Str("token");
            var anonymous = _session.Anonymous();
            var form = await anonymous.GetJsonAsync($"/api/evaluations/{link}");
            var ratings = new
            {
                ratings = form.Items("sessions").Select(x => new { sessionId = x.Str("sessionId"), content = 5, method = 4, usefulness = 5, comment = "Sát thực tế" }).ToArray(),
            };
            Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync($"/api/evaluations/{link}", ratings)).StatusCode);
            await (await anonymous.PostAsJsonAsync($"/api/evaluations/{link}", ratings)).ProblemAsync(HttpStatusCode.Conflict); // single use
            Assert.Equal("Closed", (await board.PostJsonAsync($"/api/courses/{courseId}/close", null)).Str("status"));

            // The cycle closes only when every course is closed or cancelled.
            await (await board.PostAsync($"/api/cycles/{Scenario.DemoCycle}/close", null)).ProblemAsync(HttpStatusCode.Conflict);
            foreach (var other in plan.Items("courses").Select(c => c.Str("id")).Where(id => id != courseId))
            {
                Assert.Equal("Cancelled", (await board.PostJsonAsync($"/api/cycles/{Scenario.DemoCycle}/courses/{other}/cancel", new { reason = "Not held in this walk-through." })).Str("status"));
            }

            await board.PutJsonAsync($"/api/cycles/{Scenario.DemoCycle}/conclusions", new
            {
                conclusions = "Các lớp hoàn thành mục tiêu.",
                recommendations = new[] { new { text = "Gửi tài liệu trước", status = "Open" } },
            });
            Assert.Equal("Closed", (await board.PostJsonAsync($"/api/cycles/{Scenario.DemoCycle}/close", null)).Str("status"));

            var report = await board.GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}/report");
            Assert.Equal(1, report.GetProperty("coursesHeld").GetInt32());
            Assert.Equal(trainees.Length, report.GetProperty("traineesAttended").GetInt32());
            var detail = report.Items("courseDetails").Single(c => c.Str("courseId") == courseId);
            Assert.NotEmpty(detail.Items("topics"));
            Assert.NotEmpty(report.Items("evaluationByTopic"));
            Assert.NotEmpty(report.Items("evaluationByLecturer"));
            Assert.NotEmpty(report.Items("evaluationByMethod"));
            Assert.Equal("Các lớp hoàn thành mục tiêu.", report.Str("conclusions"));
            Assert.Equal("text/csv", (await board.GetAsync($"/api/cycles/{Scenario.DemoCycle}/report.csv")).Content.Headers.ContentType?.MediaType);

            var next = await board.PostJsonAsync($"/api/cycles/{Scenario.DemoCycle}/roll-over", new { curriculumVersion = "2027" }, HttpStatusCode.Created);
            Assert.Equal("2029-2030", next.Str("id"));
            Assert.Contains(course.Str("hostProvince"), next.Items("previousHosts").Select(h => h.GetString()));
            Assert.Equal("Gửi tài liệu trước", next.Items("recommendations").Single().Str("text"));
        }
        finally
        {
            gateway.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_demo_holds_the_provinces_lecturers_and_historical_records()
    {
        var board = await _session.BoardAsync();

        var provinces = await board.GetJsonAsync("/api/provinces");
        Assert.Equal(34, provinces.GetArrayLength());
        var canTho = provinces.EnumerateArray().Single(p => p.Str("code") == "can-tho");
        Assert.Contains("Sóc Trăng", canTho.Items("absorbedVi").Select(a => a.GetString()));
        var lecturers = await board.GetJsonAsync("/api/lecturers");
        Assert.InRange(lecturers.GetArrayLength(), 30, 50);

        var trip = await board.GetJsonAsync("/api/field-trips/dhct-to-chuc-k4-trip-3");
        Assert.Equal(3, trip.GetProperty("tripNumber").GetInt32());
        Assert.Equal(4, trip.GetProperty("tripCount").GetInt32());
        Assert.Equal("2005-11-05", trip.Str("start"));
        Assert.Equal("2005-11-14", trip.Str("end"));
        Assert.Equal(75, trip.GetProperty("participantCount").GetInt32());
        Assert.Equal(37, trip.GetProperty("participantProvinceCount").GetInt32());
        Assert.Equal(["ho-chi-minh", "can-tho", "lam-dong", "da-nang"], trip.Items("stops").Select(s => s.Str("provinceCode")));
        Assert.Equal(2, trip.Items("stops").Single(s => s.Str("provinceCode") == "can-tho").GetProperty("sessions").GetInt32());

        var course2012 = await board.GetJsonAsync("/api/courses/2011-2012-c01");
        Assert.Equal("Reported", course2012.Str("status"));
        Assert.Equal(7, course2012.Items("sessions").Select(s => s.Str("topicCode")).Distinct().Count());
    }

    [Fact]
    public async Task A_field_trip_stop_is_confirmed_by_its_province()
    {
        await _scenario.CreateCycleAsync("2041-2042", courses: 1);
        var plan = await _scenario.PlanAndPublishAsync("2041-2042");
        var course = plan.Items("courses").First();
        var courseId = course.Str("id");
        var board = await _session.BoardAsync();
        // Stops lie inside the course's dates; Huế and Đà Nẵng are an evening's drive apart.
        var start = DateOnly.Parse(course.Str("start"), System.Globalization.CultureInfo.InvariantCulture);

        var trip = await board.PostJsonAsync($"/api/courses/{courseId}/field-trips", new
        {
            className = "Organisation work, intake 9",
            tripNumber = 1,
            tripCount = 2,
            stops = new object[]
            {
                new { provinceCode = "hue", start, end = start, briefingTopics = new[] { "Cadre planning" }, sessions = 1 },
                new { provinceCode = "da-nang", start = start.AddDays(1), end = start.AddDays(1), briefingTopics = new[] { "Urban management" }, sessions = 2 },
            },
            participantCount = 60,
            participantProvinceCount = 30,
        }, HttpStatusCode.Created);
        Assert.Equal(["hue", "da-nang"], trip.Items("stops").Select(s => s.Str("provinceCode")));

        var stop = trip.Items("stops").First();
        var hue = await _session.ProvinceAsync("hue");
        await hue.PostJsonAsync($"/api/provinces/hue/hosting-requests/{stop.Str("hostingRequestId")}/confirm", Scenario.Logistics("Huế provincial political school"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var after = await board.GetJsonAsync($"/api/field-trips/{trip.Str("id")}");
        while (after.Items("stops").First().Str("status") == "Requested" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25); // the province's answer reaches the trip as a follow-up
            after = await board.GetJsonAsync($"/api/field-trips/{trip.Str("id")}");
        }

        Assert.Equal(["Confirmed", "Requested"], after.Items("stops").Select(s => s.Str("status")));
    }
}
