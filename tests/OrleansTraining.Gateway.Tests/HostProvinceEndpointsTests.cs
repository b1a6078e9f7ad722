using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// A host province declares its capacity, amends confirmed logistics (the board sees what changed) and reads only its
/// own requests and trainees; every refusal names the field or is a 403, and changes nothing.
/// </summary>
public sealed class HostProvinceEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    private async Task<JsonElement> ProvinceAsync(string code) =>
        (await (await _session.BoardAsync()).GetJsonAsync("/api/provinces")).EnumerateArray().Single(p => p.Str("code") == code);

    [Fact]
    public async Task A_province_declares_its_seats_rooms_and_unavailable_dates_and_the_board_may_too()
    {
        var hue = await _session.ProvinceAsync("hue");

        var view = await hue.PutJsonAsync("/api/provinces/hue/settings", new { seats = 120, rooms = 2, unavailableDates = new[] { "2027-09-02", "2027-04-30" }, briefingTopics = new[] { "Cadre planning" } });
        await (await _session.BoardAsync()).PutJsonAsync("/api/provinces/quang-tri/settings", new { seats = 40, rooms = 1 });

        Assert.Equal((120, 2), (view.GetProperty("venueCapacity").GetInt32(), view.GetProperty("rooms").GetInt32()));
        Assert.Equal(["2027-04-30", "2027-09-02"], (await ProvinceAsync("hue")).Items("unavailableDates").Select(d => d.GetString()));
        Assert.Equal(["Cadre planning"], (await ProvinceAsync("hue")).Items("briefingTopics").Select(d => d.GetString()));
        Assert.Equal(40, (await ProvinceAsync("quang-tri")).GetProperty("venueCapacity").GetInt32());
    }

    [Theory]
    [InlineData("""{"seats": -1, "rooms": 1}""", 422, "seats")]
    [InlineData("""{"seats": 50, "rooms": 0}""", 422, "rooms")]
    [InlineData("""{"seats": 50, "rooms": 2, "unavailableDates": ["2027-01-01", "1890-05-01"]}""", 422, "unavailableDates[1]")]
    [InlineData("""{"seats": 50}""", 400, "rooms")]
    [InlineData("""{"seats": 50, "rooms": 2, "unavailableDates": ["2027-02-30"]}""", 400, "unavailableDates[0]")]
    public async Task Bad_settings_name_the_field_and_change_nothing(string body, int status, string field)
    {
        var before = await ProvinceAsync("lang-son");
        var province = await _session.ProvinceAsync("lang-son");

        var response = await province.PutAsync("/api/provinces/lang-son/settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.ProblemAsync((HttpStatusCode)status)).ErrorFields());
        Assert.Equal(before.ToString(), (await ProvinceAsync("lang-son")).ToString());
    }

    [Fact]
    public async Task Another_province_cannot_declare_for_it()
    {
        var before = await ProvinceAsync("cao-bang");
        var intruder = await _session.ProvinceAsync("lang-son");

        var response = await intruder.PutAsJsonAsync("/api/provinces/cao-bang/settings", new { seats = 999, rooms = 9 });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before.ToString(), (await ProvinceAsync("cao-bang")).ToString());
    }

    [Fact]
    public async Task Amended_logistics_reach_the_course_and_the_board_sees_what_changed()
    {
        var (course, host, requestId) = await ConfirmedCourseAsync("2089-2090");
        var province = await _session.ProvinceAsync(host);
        var amended = new { venue = "Provincial political school", rooms = 30, lodging = "Guest house, 30 rooms", transport = "Coach", contact = "Office, 0234 000 000", reason = "Hall under repair" };

        var view = await province.PutJsonAsync($"/api/provinces/{host}/hosting-requests/{requestId}/logistics", amended);

        Assert.Equal("Provincial political school", view.GetProperty("confirmation").Str("venue"));
        var after = await _scenario.CourseAsync(course, c => c.GetProperty("hostLogistics").Str("venue") == "Provincial political school", "the amendment reached the course");
        Assert.Equal("HostConfirmed", after.Str("status"));
        var seen = await (await _session.BoardAsync()).GetJsonAsync($"/api/provinces/{host}/hosting-requests/{requestId}");
        var change = Assert.Single(seen.Items("logisticsChanges"));
        Assert.Equal(("Hall " + host, "Provincial political school", "Hall under repair"),
            (change.GetProperty("previous").Str("venue"), change.GetProperty("current").Str("venue"), change.Str("reason")));
    }

    [Fact]
    public async Task Only_the_host_amends_its_logistics_and_only_with_whole_logistics()
    {
        var (course, host, requestId) = await ConfirmedCourseAsync("2091-2092");
        var intruder = await _session.ProvinceAsync(host == "hue" ? "lang-son" : "hue");
        var board = await _session.BoardAsync();
        var path = $"/api/provinces/{host}/hosting-requests/{requestId}/logistics";
        var amended = Scenario.Logistics("Somewhere else");

        await (await intruder.PutAsJsonAsync(path, amended)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.PutAsJsonAsync(path, amended)).ProblemAsync(HttpStatusCode.Forbidden);
        var missing = await (await _session.ProvinceAsync(host)).PutAsJsonAsync(path, new { venue = "", rooms = 0, lodging = "x", transport = "x", contact = "x" });

        var errors = (await missing.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields();
        Assert.Contains("venue", errors);
        Assert.Contains("rooms", errors);
        var request = await board.GetJsonAsync($"/api/provinces/{host}/hosting-requests/{requestId}");
        Assert.Empty(request.Items("logisticsChanges"));
        Assert.Equal("Hall " + host, (await _scenario.CourseAsync(course)).GetProperty("hostLogistics").Str("venue"));
        await (await intruder.GetAsync($"/api/provinces/{host}/hosting-requests/{requestId}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_request_not_yet_confirmed_has_no_logistics_to_amend()
    {
        await _scenario.CreateCycleAsync("2093-2094", courses: 1);
        var course = Scenario.CoursesAwaitingHost(await _scenario.PlanAndPublishAsync("2093-2094"))[0];
        var host = course.Str("hostProvince");
        var province = await _session.ProvinceAsync(host);

        var response = await province.PutAsJsonAsync($"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/logistics", Scenario.Logistics("x"));

        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Pending", (await province.GetJsonAsync($"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}")).Str("status"));
    }

    [Fact]
    public async Task A_province_reads_only_its_own_trainees()
    {
        await _scenario.CreateCycleAsync("2095-2096", courses: 1);
        var course = Scenario.CoursesAwaitingHost(await _scenario.PlanAndPublishAsync("2095-2096"))[0];
        var courseId = course.Str("id");
        var hue = await _session.ProvinceAsync("hue");
        var langSon = await _session.ProvinceAsync("lang-son");
        await hue.PostJsonAsync($"/api/courses/{courseId}/nominations", new { trainees = Scenario.Trainees(course, 2, "Huế") });
        await langSon.PostJsonAsync($"/api/courses/{courseId}/nominations", new { trainees = Scenario.Trainees(course, 1, "Lạng Sơn") });

        var own = await hue.GetJsonAsync("/api/provinces/hue/trainees?cycleId=2095-2096");
        var boardView = await (await _session.BoardAsync()).GetJsonAsync("/api/provinces/lang-son/trainees?cycleId=2095-2096");

        Assert.Equal(["Huế trainee 1", "Huế trainee 2"], own.EnumerateArray().Select(t => t.GetProperty("trainee").Str("fullName")).Order());
        Assert.All(own.EnumerateArray(), t => Assert.Equal(courseId, t.Str("courseId")));
        Assert.Equal(["Lạng Sơn trainee 1"], boardView.EnumerateArray().Select(t => t.GetProperty("trainee").Str("fullName")));
        await (await hue.GetAsync("/api/provinces/lang-son/trainees")).ProblemAsync(HttpStatusCode.Forbidden);
        // Reading the course itself, a province sees its own nominees only; the board sees all three.
        Assert.All((await hue.GetJsonAsync($"/api/courses/{courseId}")).Items("trainees"), t => Assert.Equal("hue", t.Str("provinceCode")));
        Assert.Equal(2, (await hue.GetJsonAsync($"/api/courses/{courseId}")).Items("trainees").Count());
        Assert.Equal(3, (await _scenario.CourseAsync(courseId)).Items("trainees").Count());
        // A lecturer, even one teaching the course, sees no trainee.
        var teacher = (await _scenario.CourseAsync(courseId)).Items("sessions").Select(s => s.StrOrNull("lecturerId")).First(l => l is not null)!;
        Assert.Empty((await (await _session.LecturerAsync(teacher)).GetJsonAsync($"/api/courses/{courseId}")).Items("trainees"));
        await (await (await _session.LecturerAsync("l01")).GetAsync("/api/provinces/hue/trainees")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>A new cycle's first course, planned, published and confirmed by its host with venue "Hall {host}".</summary>
    private async Task<(string Course, string Host, string RequestId)> ConfirmedCourseAsync(string cycleId)
    {
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var course = Scenario.CoursesAwaitingHost(await _scenario.PlanAndPublishAsync(cycleId))[0];
        var (courseId, host, requestId) = (course.Str("id"), course.Str("hostProvince"), course.Str("hostingRequestId"));
        await (await _session.ProvinceAsync(host)).PostJsonAsync($"/api/provinces/{host}/hosting-requests/{requestId}/confirm", Scenario.Logistics("Hall " + host));
        await _scenario.CourseAsync(courseId, c => c.Str("status") == "HostConfirmed", "the confirmation reached the course");
        return (courseId, host, requestId);
    }
}
