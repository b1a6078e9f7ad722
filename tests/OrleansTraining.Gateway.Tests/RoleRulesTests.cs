using System.Net;
using System.Net.Http.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Who may do what: each refusal is a 403 problem and leaves everything as it was.</summary>
public sealed class RoleRulesTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Theory]
    [InlineData("GET", "/api/cycles")]
    [InlineData("GET", "/api/cycles/2027-2028")]
    [InlineData("GET", "/api/cycles/2027-2028/escalations")]
    [InlineData("POST", "/api/cycles")]
    [InlineData("POST", "/api/cycles/2027-2028/plan")]
    [InlineData("POST", "/api/cycles/2027-2028/publish")]
    [InlineData("GET", "/api/cycles/2027-2028/plan")]
    [InlineData("GET", "/api/cycles/2027-2028/report")]
    [InlineData("GET", "/api/courses/2011-2012-c01")]
    [InlineData("POST", "/api/courses/2011-2012-c01/field-trips")]
    [InlineData("POST", "/api/courses/2011-2012-c01/materials-sent")]
    [InlineData("POST", "/api/courses/2011-2012-c01/nominations")]
    [InlineData("GET", "/api/provinces")]
    [InlineData("GET", "/api/provinces/can-tho/hosting-requests")]
    [InlineData("POST", "/api/provinces/can-tho/hosting-requests/r1/confirm")]
    [InlineData("POST", "/api/provinces/can-tho/hosting-requests/r1/decline")]
    [InlineData("GET", "/api/lecturers")]
    [InlineData("GET", "/api/lecturers/l01")]
    [InlineData("GET", "/api/lecturers/l01/assignments")]
    [InlineData("POST", "/api/lecturers/l01/assignments/a1/accept")]
    [InlineData("POST", "/api/lecturers/l01/assignments/a1/decline")]
    [InlineData("PUT", "/api/lecturers/l01/unavailability")]
    [InlineData("GET", "/api/field-trips/dhct-to-chuc-k4-trip-3")]
    [InlineData("GET", "/api/curricula")]
    [InlineData("GET", "/api/curricula/2027")]
    [InlineData("POST", "/api/curricula")]
    [InlineData("PUT", "/api/provinces/can-tho/settings")]
    [InlineData("GET", "/api/provinces/can-tho/trainees")]
    [InlineData("GET", "/api/provinces/can-tho/hosting-requests/r1")]
    [InlineData("PUT", "/api/provinces/can-tho/hosting-requests/r1/logistics")]
    [InlineData("GET", "/api/field-trips/dhct-to-chuc-k4-trip-3/suggested-order")]
    [InlineData("GET", "/api/field-trips/dhct-to-chuc-k4-trip-3/stops/1/replacements")]
    [InlineData("PUT", "/api/field-trips/dhct-to-chuc-k4-trip-3/stops/1")]
    [InlineData("PUT", "/api/field-trips/dhct-to-chuc-k4-trip-3")]
    [InlineData("DELETE", "/api/field-trips/dhct-to-chuc-k4-trip-3")]
    public async Task Every_api_path_needs_a_token(string method, string path)
    {
        var response = await gateway.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("province-can-tho")]
    [InlineData("lecturer-l01")]
    public async Task Only_the_board_plans_and_nothing_changes(string userName)
    {
        var client = await _session.AsAsync(userName);

        var response = await client.PostAsync($"/api/cycles/{Scenario.DemoCycle}/plan", null);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        var cycle = await (await _session.BoardAsync()).GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}");
        Assert.Equal("Draft", cycle.Str("status"));
    }

    [Fact]
    public async Task A_province_cannot_answer_or_read_another_provinces_requests()
    {
        await _scenario.CreateCycleAsync("2031-2032", courses: 1);
        var course = Scenario.CoursesAwaitingHost(await _scenario.PlanAndPublishAsync("2031-2032"))[0];
        var host = course.Str("hostProvince");
        var requestId = course.Str("hostingRequestId");
        var intruderCode = host == "hue" ? "can-tho" : "hue";
        var intruder = await _session.ProvinceAsync(intruderCode);

        var confirm = await intruder.PostAsJsonAsync($"/api/provinces/{host}/hosting-requests/{requestId}/confirm", Scenario.Logistics("Elsewhere"));
        var decline = await intruder.PostAsJsonAsync($"/api/provinces/{host}/hosting-requests/{requestId}/decline", new { reason = "Not ours" });
        var list = await intruder.GetAsync($"/api/provinces/{host}/hosting-requests");

        await confirm.ProblemAsync(HttpStatusCode.Forbidden);
        await decline.ProblemAsync(HttpStatusCode.Forbidden);
        await list.ProblemAsync(HttpStatusCode.Forbidden);
        var requests = await (await _session.ProvinceAsync(host)).GetJsonAsync($"/api/provinces/{host}/hosting-requests");
        Assert.Equal("Pending", requests.EnumerateArray().Single(r => r.GetProperty("request").Str("requestId") == requestId).Str("status"));
    }

    [Fact]
    public async Task The_board_reads_but_does_not_answer_a_provinces_request()
    {
        await _scenario.CreateCycleAsync("2033-2034", courses: 1);
        var course = Scenario.CoursesAwaitingHost(await _scenario.PlanAndPublishAsync("2033-2034"))[0];
        var host = course.Str("hostProvince");
        var board = await _session.BoardAsync();

        var requests = await board.GetJsonAsync($"/api/provinces/{host}/hosting-requests");
        var confirm = await board.PostAsJsonAsync($"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/confirm", Scenario.Logistics("Board hall"));

        Assert.Contains(requests.EnumerateArray(), r => r.GetProperty("request").Str("requestId") == course.Str("hostingRequestId"));
        await confirm.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Published", (await _scenario.CourseAsync(course.Str("id"))).Str("status"));
    }

    [Fact]
    public async Task A_province_nominates_only_for_itself()
    {
        await _scenario.CreateCycleAsync("2035-2036", courses: 1);
        var course = (await _scenario.PlanAndPublishAsync("2035-2036")).Items("courses").First();
        var hue = await _session.ProvinceAsync("hue");

        var response = await hue.PostAsJsonAsync($"/api/courses/{course.Str("id")}/nominations",
            new { provinceCode = "can-tho", trainees = Scenario.Trainees(course, 1, "Cần Thơ") });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await _scenario.CourseAsync(course.Str("id"))).Items("trainees"));
    }

    [Fact]
    public async Task A_province_may_name_itself_by_a_unit_it_absorbed()
    {
        await _scenario.CreateCycleAsync("2039-2040", courses: 1);
        var course = (await _scenario.PlanAndPublishAsync("2039-2040")).Items("courses").First();
        var canTho = await _session.ProvinceAsync("can-tho");

        var nominated = await canTho.PostJsonAsync($"/api/courses/{course.Str("id")}/nominations",
            new { provinceCode = "Sóc Trăng", trainees = Scenario.Trainees(course, 1, "Sóc Trăng") });

        Assert.Equal(["can-tho"], nominated.Items("trainees").Select(t => t.Str("provinceCode")));
    }

    [Fact]
    public async Task A_lecturer_cannot_answer_another_lecturers_offer()
    {
        await _scenario.CreateCycleAsync("2037-2038", courses: 1);
        var offer = Scenario.Offers(await _scenario.PlanAndPublishAsync("2037-2038"))[0];
        var otherId = offer.LecturerId == "l01" ? "l02" : "l01";
        var other = await _session.LecturerAsync(otherId);

        var onTheirPath = await other.PostAsync($"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept", null);
        var onOwnPath = await other.PostAsync($"/api/lecturers/{otherId}/assignments/{offer.AssignmentId}/accept", null);
        var unavailability = await other.PutAsJsonAsync($"/api/lecturers/{offer.LecturerId}/unavailability", new { dates = new[] { "2037-05-05" } });

        await onTheirPath.ProblemAsync(HttpStatusCode.Forbidden);
        // Their own lecturer record holds no such offer: it does not exist for them.
        await onOwnPath.ProblemAsync(HttpStatusCode.NotFound);
        await unavailability.ProblemAsync(HttpStatusCode.Forbidden);
        var owner = await (await _session.BoardAsync()).GetJsonAsync($"/api/lecturers/{offer.LecturerId}");
        Assert.Equal("Offered", owner.Items("assignments").Single(a => a.GetProperty("offer").Str("assignmentId") == offer.AssignmentId).Str("status"));
        Assert.Empty(owner.Items("unavailableDates"));
    }

    [Fact]
    public async Task A_lecturer_sees_only_themself()
    {
        var lecturer = await _session.LecturerAsync("l03");

        var list = await lecturer.GetJsonAsync("/api/lecturers");
        var self = await lecturer.GetJsonAsync("/api/lecturers/l03");
        var other = await lecturer.GetAsync("/api/lecturers/l04");
        var otherAssignments = await lecturer.GetAsync("/api/lecturers/l04/assignments");

        Assert.Equal(["l03"], list.EnumerateArray().Select(l => l.Str("id")));
        Assert.Equal("l03", self.Str("id"));
        await other.ProblemAsync(HttpStatusCode.Forbidden);
        await otherAssignments.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_board_sees_every_lecturer()
    {
        var board = await _session.BoardAsync();

        var list = await board.GetJsonAsync("/api/lecturers");
        var one = await board.GetJsonAsync("/api/lecturers/l04");

        Assert.Contains(list.EnumerateArray(), l => l.Str("id") == "l04");
        Assert.Equal("l04", one.Str("id"));
        Assert.NotEmpty(one.Items("qualifiedTopics"));
    }

    [Fact]
    public async Task A_token_carries_the_role_and_binding()
    {
        var response = await gateway.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = "Province-Can-Tho", password = GatewayFactory.DemoPassword });

        var token = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("province", token.Str("role"));
        Assert.Equal("can-tho", token.Str("provinceCode"));
        Assert.Equal("Bearer", token.Str("tokenType"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var response = await gateway.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = "board", password = "not-the-password" });

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in failed", problem.Str("title"));
    }
}
