using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>The board changes a cycle after creating it: courses added, edited and cancelled; variants adopted or found stale.</summary>
public sealed class BoardEditsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    private static object Draft(string title, int capacity = 60) => new
    {
        title,
        audience = new { positions = new[] { "Head", "DeputyHead" }, levels = new[] { "Provincial" } },
        capacity,
        quotaPerProvince = 2,
    };

    [Fact]
    public async Task A_course_added_after_publish_is_planned_and_published_alone_and_the_published_courses_stay_as_they_were()
    {
        const string cycleId = "2051-2052";
        await _scenario.CreateCycleAsync(cycleId, courses: 2);
        var before = await _scenario.PlanAndPublishAsync(cycleId);
        var board = await _session.BoardAsync();

        var added = await board.PostJsonAsync($"/api/cycles/{cycleId}/courses", Draft("Lớp bổ sung"), HttpStatusCode.Created);
        Assert.Equal("Proposed", added.Str("status"));
        var planned = await board.PostJsonAsync($"/api/cycles/{cycleId}/plan", null);
        Assert.Equal("Published", planned.Str("status"));
        Assert.Equal(1, planned.GetProperty("coursesPlanned").GetInt32());
        Assert.Equal("Planned", (await _scenario.CourseAsync(added.Str("id"))).Str("status"));
        await board.PostJsonAsync($"/api/cycles/{cycleId}/publish", null);

        var after = await board.GetJsonAsync($"/api/cycles/{cycleId}/plan");
        var fresh = await _scenario.CourseAsync(added.Str("id"), c => c.Str("status") == "Published", "the new course is published");
        Assert.NotNull(fresh.StrOrNull("hostingRequestId"));
        Assert.Equal(Describe(before), Describe(after, except: added.Str("id")));
        // Its venue days are its own: no published course of the cycle shares its host on the same dates.
        Assert.DoesNotContain(before.Items("courses"), c => c.Str("hostProvince") == fresh.Str("hostProvince")
            && DateOnly.Parse(c.Str("start")) <= DateOnly.Parse(fresh.Str("end")) && DateOnly.Parse(fresh.Str("start")) <= DateOnly.Parse(c.Str("end")));
        var requests = await board.GetJsonAsync($"/api/provinces/{fresh.Str("hostProvince")}/hosting-requests");
        Assert.Contains(requests.EnumerateArray(), r => r.GetProperty("request").Str("requestId") == fresh.Str("hostingRequestId"));
    }

    [Fact]
    public async Task Editing_a_course_keeps_its_plan_for_a_new_title_replans_it_for_a_new_capacity_and_stops_at_publish()
    {
        const string cycleId = "2053-2054";
        await _scenario.CreateCycleAsync(cycleId, courses: 2);
        var board = await _session.BoardAsync();
        await board.PostJsonAsync($"/api/cycles/{cycleId}/plan", null);
        var courseId = $"{cycleId}-c01";
        var host = (await _scenario.CourseAsync(courseId)).Str("hostProvince");
        var other = await _scenario.CourseAsync($"{cycleId}-c02");

        var renamed = await board.PutJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}", Draft("Lớp đổi tên"));
        Assert.Equal("Lớp đổi tên", renamed.Str("title"));
        Assert.Equal("Planned", renamed.Str("status"));
        Assert.Equal(host, renamed.Str("hostProvince"));

        var resized = await board.PutJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}", Draft("Lớp đổi tên", capacity: 40));
        Assert.Equal("Proposed", resized.Str("status"));
        Assert.Null(resized.StrOrNull("hostProvince"));
        await board.PostJsonAsync($"/api/cycles/{cycleId}/plan", null);
        Assert.Equal("Planned", (await _scenario.CourseAsync(courseId)).Str("status"));
        // The course that did not change keeps its host and dates: only the edited one was placed again.
        var otherAfter = await _scenario.CourseAsync($"{cycleId}-c02");
        Assert.Equal((other.Str("hostProvince"), other.Str("start")), (otherAfter.Str("hostProvince"), otherAfter.Str("start")));

        var invalid = await (await board.PutAsJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}", Draft("Lớp", capacity: 0))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("draft.capacity", out _));
        await (await board.PutAsJsonAsync($"/api/cycles/{cycleId}/courses/{cycleId}-c99", Draft("Lớp"))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(40, (await _scenario.CourseAsync(courseId)).GetProperty("capacity").GetInt32());

        await board.PostJsonAsync($"/api/cycles/{cycleId}/publish", null);
        await (await board.PutAsJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}", Draft("Quá muộn"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Lớp đổi tên", (await _scenario.CourseAsync(courseId)).Str("title"));
    }

    [Fact]
    public async Task Cancelling_a_published_course_withdraws_its_accepted_session_and_hosting_request_with_the_reason()
    {
        const string cycleId = "2055-2056";
        await _scenario.CreateCycleAsync(cycleId, courses: 2);
        var plan = await _scenario.PlanAndPublishAsync(cycleId);
        var board = await _session.BoardAsync();
        var course = plan.Items("courses").First(c => c.Items("sessions").Any(s => s.StrOrNull("assignmentId") is not null));
        var courseId = course.Str("id");
        var offer = Scenario.Offers(plan).First(o => o.CourseId == courseId);
        var lecturer = await _session.LecturerAsync(offer.LecturerId);
        await lecturer.PostJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept", null);

        // Another role may not cancel, and nothing changes.
        var province = await _session.ProvinceAsync(course.Str("hostProvince"));
        await (await province.PostAsJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}/cancel", new { reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        var noReason = await (await board.PostAsJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}/cancel", new { reason = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("Published", (await _scenario.CourseAsync(courseId)).Str("status"));

        var cancelled = await board.PostJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}/cancel", new { reason = "Trùng kỳ họp Hội đồng nhân dân tỉnh" });
        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Equal("Trùng kỳ họp Hội đồng nhân dân tỉnh", cancelled.Str("cancelledReason"));
        var again = await board.PostJsonAsync($"/api/cycles/{cycleId}/courses/{courseId}/cancel", new { reason = "again" });
        Assert.Equal("Trùng kỳ họp Hội đồng nhân dân tỉnh", again.Str("cancelledReason"));

        var assignments = await lecturer.GetJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments");
        var withdrawn = assignments.EnumerateArray().Single(a => a.GetProperty("offer").Str("assignmentId") == offer.AssignmentId);
        Assert.Equal("Withdrawn", withdrawn.Str("status"));
        var requests = await province.GetJsonAsync($"/api/provinces/{course.Str("hostProvince")}/hosting-requests");
        Assert.Equal("Withdrawn", requests.EnumerateArray().Single(r => r.GetProperty("request").Str("requestId") == course.Str("hostingRequestId")).Str("status"));
        var open = await board.GetJsonAsync($"/api/cycles/{cycleId}/escalations");
        Assert.DoesNotContain(open.EnumerateArray(), e => e.Str("courseId") == courseId);
        await (await board.PostAsJsonAsync($"/api/cycles/{cycleId}/courses/{cycleId}-c99/cancel", new { reason = "x" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_variant_is_stale_once_the_plan_changes_and_a_fresh_one_is_adopted_as_the_plan()
    {
        const string cycleId = "2057-2058";
        await _scenario.CreateCycleAsync(cycleId, courses: 3);
        var board = await _session.BoardAsync();
        await board.PostJsonAsync($"/api/cycles/{cycleId}/plan", null);
        var weights = new { traineeTravel = 0, lecturerTravel = 100, fairLoad = 2, hostRotation = 0, courseSpread = 20, hostSpread = 200, regionalBalance = 0, ownDepartment = 10, changes = 200 };
        await board.PostJsonAsync($"/api/cycles/{cycleId}/variants", new { name = "lecturers-first", weights }, HttpStatusCode.Created);
        Assert.False(Variant(await board.GetJsonAsync($"/api/cycles/{cycleId}/variants"), "lecturers-first").GetProperty("stale").GetBoolean());

        // The plan changes (a course edited back to Proposed and placed again): the variant no longer compares to it.
        await board.PutJsonAsync($"/api/cycles/{cycleId}/courses/{cycleId}-c02", Draft("Lớp 2", capacity: 50));
        await board.PostJsonAsync($"/api/cycles/{cycleId}/plan", null);
        Assert.True(Variant(await board.GetJsonAsync($"/api/cycles/{cycleId}/variants"), "lecturers-first").GetProperty("stale").GetBoolean());
        var stale = await (await board.PostAsync($"/api/cycles/{cycleId}/variants/lecturers-first/adopt", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("save it again", stale.Str("detail"));

        await board.PostJsonAsync($"/api/cycles/{cycleId}/variants", new { name = "lecturers-first", weights }, HttpStatusCode.Created);
        var adopted = await board.PostJsonAsync($"/api/cycles/{cycleId}/variants/lecturers-first/adopt", null);

        var comparison = await board.GetJsonAsync($"/api/cycles/{cycleId}/variants/lecturers-first/comparison");
        Assert.Empty(comparison.Items("moves"));
        Assert.Equal(100, (await board.GetJsonAsync($"/api/cycles/{cycleId}/plan/score")).GetProperty("weights").GetProperty("lecturerTravel").GetInt32());
        Assert.All(adopted.Items("courses"), c => Assert.Equal("Planned", c.Str("status")));
        await (await board.PostAsync($"/api/cycles/{cycleId}/variants/nothing-like-it/adopt", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_variant_adopted_after_publish_keeps_published_hosts_and_accepted_sessions_and_moves_only_open_ones()
    {
        const string cycleId = "2075-2076";
        await _scenario.CreateCycleAsync(cycleId, courses: 3);
        var before = await _scenario.PlanAndPublishAsync(cycleId);
        var board = await _session.BoardAsync();
        var accepted = Scenario.Offers(before)[0];
        await (await _session.LecturerAsync(accepted.LecturerId)).PostJsonAsync($"/api/lecturers/{accepted.LecturerId}/assignments/{accepted.AssignmentId}/accept", null);
        await _scenario.CourseAsync(accepted.CourseId, c => Scenario.Session(c, accepted.SessionId).Str("staffing") == "Accepted", "the acceptance reached the course");
        var weights = new { traineeTravel = 0, lecturerTravel = 100, fairLoad = 50, hostRotation = 0, courseSpread = 0, hostSpread = 0, regionalBalance = 0, ownDepartment = 0, changes = 0 };
        await board.PostJsonAsync($"/api/cycles/{cycleId}/variants", new { name = "far-fewer-trips", weights }, HttpStatusCode.Created);
        var moves = (await board.GetJsonAsync($"/api/cycles/{cycleId}/variants/far-fewer-trips/comparison")).Items("moves").ToList();

        var adopted = await board.PostJsonAsync($"/api/cycles/{cycleId}/variants/far-fewer-trips/adopt", null);

        foreach (var course in before.Items("courses"))
        {
            var now = adopted.Items("courses").Single(c => c.Str("id") == course.Str("id"));
            Assert.Equal((course.Str("hostProvince"), course.Str("start")), (now.Str("hostProvince"), now.Str("start")));
        }

        var kept = Scenario.Session(await _scenario.CourseAsync(accepted.CourseId), accepted.SessionId);
        Assert.Equal((accepted.LecturerId, accepted.AssignmentId, "Accepted"), (kept.Str("lecturerId"), kept.Str("assignmentId"), kept.Str("staffing")));
        var openMoves = moves.Where(m => m.Str("kind") == "Lecturer" && m.Str("entityId") != $"{accepted.CourseId}/{accepted.SessionId}").ToList();
        Assert.NotEmpty(openMoves); // the variant's weights give some open sessions to other lecturers
        foreach (var move in openMoves)
        {
            var (courseId, sessionId) = (move.Str("entityId")[..move.Str("entityId").LastIndexOf('/')], move.Str("entityId")[(move.Str("entityId").LastIndexOf('/') + 1)..]);
            var session = Scenario.Session(
                await _scenario.CourseAsync(courseId, c => Scenario.Session(c, sessionId).StrOrNull("lecturerId") != move.StrOrNull("current"), $"{courseId}/{sessionId} moved"),
                sessionId);
            Assert.Equal(move.StrOrNull("variant"), session.StrOrNull("lecturerId"));
            Assert.Equal("Offered", session.Str("staffing"));
            var old = (await board.GetJsonAsync($"/api/lecturers/{move.Str("current")}/assignments")).EnumerateArray()
                .Single(a => a.GetProperty("offer").Str("courseId") == courseId && a.GetProperty("offer").Str("sessionId") == sessionId);
            Assert.Equal("Withdrawn", old.Str("status"));
            Assert.Contains("far-fewer-trips", old.Str("withdrawalReason"));
        }

        // Nothing left to adopt: the variant and the plan now differ only where protection kept the plan.
        var after = await board.GetJsonAsync($"/api/cycles/{cycleId}/variants/far-fewer-trips/comparison");
        Assert.DoesNotContain(after.Items("moves"), m => m.Str("kind") == "Lecturer" && openMoves.Any(o => o.Str("entityId") == m.Str("entityId")));
    }

    [Theory]
    [InlineData("province-hue", "POST", "/courses")]
    [InlineData("lecturer-l01", "PUT", "/courses/2059-2060-c01")]
    [InlineData("lecturer-l02", "POST", "/courses/2059-2060-c01/cancel")]
    [InlineData("province-can-tho", "POST", "/variants/any/adopt")]
    public async Task Only_the_board_edits_courses_and_adopts_variants(string userName, string method, string path)
    {
        var client = await _session.AsAsync(userName);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/cycles/2059-2060{path}")
        {
            Content = JsonContent.Create(Draft("x")),
        });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static JsonElement Variant(JsonElement variants, string name) => variants.EnumerateArray().Single(v => v.Str("name") == name);

    private static string Describe(JsonElement plan, string? except = null) => string.Join(
        "\n",
        plan.Items("courses").Where(c => c.Str("id") != except).Select(c =>
            $"{c.Str("id")} {c.StrOrNull("hostProvince")} {c.StrOrNull("start")} {c.Str("status")} "
            + string.Join(",", c.Items("sessions").Select(s => $"{s.StrOrNull("lecturerId")}:{s.StrOrNull("assignmentId")}"))));
}
