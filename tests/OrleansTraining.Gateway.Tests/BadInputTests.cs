using System.Net;
using System.Net.Http.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Bad input is the caller's problem: 400/404/409 naming the field or rule, never a 500, nothing written.</summary>
public sealed class BadInputTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task Malformed_json_creates_nothing()
    {
        var board = await _session.BoardAsync();

        var response = await board.PostRawAsync("/api/cycles", "{\"id\": \"2051-2052\", \"start\": ");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorFields());
        await (await board.GetAsync("/api/cycles/2051-2052")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"id": "2053-2054", "start": "2053-01-05", "end": "2054-12-18", "curriculumVersion": "2027", "courses": [{"title": "x", "audience": {"positions": ["Head"], "levels": ["Provincial"]}, "capacity": "sixty", "quotaPerProvince": 2}]}""", "courses[0].capacity")]
    [InlineData("""{"id": "2053-2054", "start": "2053-13-45", "end": "2054-12-18", "curriculumVersion": "2027"}""", "start")]
    [InlineData("""{"id": "2053-2054", "start": "2053-01-05", "end": "2054-12-18", "curriculumVersion": "2027", "courses": [{"title": "x", "audience": {"positions": ["Boss"], "levels": ["Provincial"]}, "capacity": 60, "quotaPerProvince": 2}]}""", "courses[0].audience.positions[0]")]
    [InlineData("""{"id": "2053-2054", "start": "2053-01-05", "end": "2054-12-18"}""", "curriculumVersion")]
    [InlineData("""{"id": null, "start": "2053-01-05", "end": "2054-12-18", "curriculumVersion": "2027"}""", "id")]
    public async Task A_wrong_type_or_missing_field_is_named_and_creates_nothing(string body, string field)
    {
        var board = await _session.BoardAsync();

        var response = await board.PostRawAsync("/api/cycles", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
        await (await board.GetAsync("/api/cycles/2053-2054")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task End_before_start_is_refused_naming_end()
    {
        var board = await _session.BoardAsync();

        var response = await board.PostAsJsonAsync("/api/cycles", new { id = "2055-2056", start = "2056-12-18", end = "2055-01-05", curriculumVersion = "2027" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("end", problem.ErrorFields());
        await (await board.GetAsync("/api/cycles/2055-2056")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_topic_code_is_refused_naming_the_topic()
    {
        var board = await _session.BoardAsync();

        var response = await board.PostAsJsonAsync("/api/cycles", new
        {
            id = "2057-2058",
            start = "2057-01-05",
            end = "2058-12-18",
            curriculumVersion = "2027",
            courses = new[]
            {
                new
                {
                    title = "Course with a topic nobody teaches",
                    audience = new { positions = new[] { "Head" }, levels = new[] { "Provincial" } },
                    capacity = 60,
                    quotaPerProvince = 2,
                    topics = new[] { new { topicCode = "astrology", method = "Lecture" } },
                },
            },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorFields(), f => f.Contains("topic", StringComparison.OrdinalIgnoreCase));
        await (await board.GetAsync("/api/cycles/2057-2058")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_field_trip_stop_ending_before_it_starts_is_refused()
    {
        var board = await _session.BoardAsync();

        var response = await board.PostAsJsonAsync("/api/courses/2011-2012-c01/field-trips", new
        {
            className = "Backwards trip",
            tripNumber = 1,
            tripCount = 1,
            stops = new[] { new { provinceCode = "hue", start = "2012-10-09", end = "2012-10-05", briefingTopics = new[] { "x" }, sessions = 1 } },
            participantCount = 10,
            participantProvinceCount = 5,
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorFields(), f => f.Contains("end", StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await _scenario.CourseAsync("2011-2012-c01")).Items("fieldTripIds"));
    }

    [Theory]
    [InlineData("/api/cycles/1999-2000")]
    [InlineData("/api/cycles/1999-2000/plan")]
    [InlineData("/api/cycles/1999-2000/report")]
    [InlineData("/api/courses/no-such-course")]
    [InlineData("/api/field-trips/no-such-trip")]
    [InlineData("/api/lecturers/l99")]
    [InlineData("/api/provinces/atlantis/hosting-requests")]
    public async Task An_unknown_id_is_a_404_problem(string path)
    {
        var board = await _session.BoardAsync();

        var response = await board.GetAsync(path);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Planning_or_answering_unknown_things_is_a_404_problem()
    {
        var board = await _session.BoardAsync();
        var province = await _session.ProvinceAsync("hue");
        var lecturer = await _session.LecturerAsync("l05");

        await (await board.PostAsync("/api/cycles/1999-2000/plan", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await province.PostAsJsonAsync("/api/provinces/hue/hosting-requests/no-such-request/confirm", Scenario.Logistics("x"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await lecturer.PostAsync("/api/lecturers/l05/assignments/no-such-offer/accept", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await province.PostAsJsonAsync("/api/courses/no-such-course/nominations", new { trainees = new[] { new { fullName = "A", position = "Head", level = "Provincial" } } }))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nominations_over_quota_are_refused_naming_the_rule_and_keep_none()
    {
        await _scenario.CreateCycleAsync("2061-2062", courses: 1);
        var course = (await _scenario.PlanAndPublishAsync("2061-2062")).Items("courses").First();
        var hue = await _session.ProvinceAsync("hue");
        var quota = course.GetProperty("quotaPerProvince").GetInt32();

        var response = await hue.PostAsJsonAsync($"/api/courses/{course.Str("id")}/nominations", new { trainees = Scenario.Trainees(course, quota + 1, "Huế") });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("nomination-quota", problem.Str("rule"));
        Assert.Empty((await _scenario.CourseAsync(course.Str("id"))).Items("trainees"));
    }

    [Fact]
    public async Task Confirming_an_answered_request_is_refused_and_keeps_the_first_answer()
    {
        await _scenario.CreateCycleAsync("2063-2064", courses: 1);
        var course = Scenario.CoursesAwaitingHost(await _scenario.PlanAndPublishAsync("2063-2064"))[0];
        var host = course.Str("hostProvince");
        var client = await _session.ProvinceAsync(host);
        var path = $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}";
        await client.PostJsonAsync($"{path}/confirm", Scenario.Logistics("First venue"));

        var again = await client.PostAsJsonAsync($"{path}/confirm", Scenario.Logistics("Second venue"));
        var decline = await client.PostAsJsonAsync($"{path}/decline", new { reason = "Changed our mind" });

        Assert.Equal("already-answered", (await again.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        Assert.Equal("already-answered", (await decline.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        var after = await _scenario.CourseAsync(course.Str("id"), c => c.Str("status") == "HostConfirmed", "the confirmation reached the course");
        Assert.Equal("First venue", after.GetProperty("hostLogistics").Str("venue"));
    }

    [Fact]
    public async Task Answering_an_offer_twice_is_refused()
    {
        await _scenario.CreateCycleAsync("2065-2066", courses: 1);
        var offer = Scenario.Offers(await _scenario.PlanAndPublishAsync("2065-2066"))[0];
        var lecturer = await _session.LecturerAsync(offer.LecturerId);
        var path = $"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}";
        await lecturer.PostJsonAsync($"{path}/accept", null);

        var decline = await lecturer.PostAsJsonAsync($"{path}/decline", new { reason = "Too late" });

        Assert.Equal("already-answered", (await decline.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        await _scenario.CourseAsync(offer.CourseId, c => Scenario.Session(c, offer.SessionId).Str("staffing") == "Accepted", "the acceptance, not the refused decline, reached the course");
    }

    [Fact]
    public async Task Missing_logistics_and_reasons_are_named()
    {
        var province = await _session.ProvinceAsync("hue");
        var lecturer = await _session.LecturerAsync("l06");

        var confirm = await province.PostAsJsonAsync("/api/provinces/hue/hosting-requests/any/confirm", new { venue = "", rooms = 0, lodging = "x", transport = "x", contact = "x" });
        var decline = await lecturer.PostAsJsonAsync("/api/lecturers/l06/assignments/any/decline", new { reason = " " });
        var nominate = await province.PostAsJsonAsync("/api/courses/2011-2012-c01/nominations", new { trainees = Array.Empty<object>() });

        Assert.Equal(["venue", "rooms"], (await confirm.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["reason"], (await decline.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["trainees"], (await nominate.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_wrong_date_in_unavailability_is_named_and_changes_nothing()
    {
        var lecturer = await _session.LecturerAsync("l07");

        var response = await lecturer.PutAsync("/api/lecturers/l07/unavailability", JsonContent.Create(new { dates = new[] { "2027-02-30" } }));

        Assert.Contains("dates[0]", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Empty((await lecturer.GetJsonAsync("/api/lecturers/l07")).Items("unavailableDates"));
    }

    [Theory]
    [InlineData("board", "/api/cycles", "[]", "body")]
    [InlineData("board", "/api/cycles", "{\"id\": \"Bad Id!\", \"start\": \"2067-01-05\", \"end\": \"2068-12-18\", \"curriculumVersion\": \"2027\"}", "id")]
    [InlineData("board", "/api/courses/2011-2012-c01/materials-sent", "{\"sentOn\": \"soon\"}", "sentOn")]
    [InlineData("board", "/api/courses/2011-2012-c01/field-trips", "{\"className\": \"x\", \"tripNumber\": 1, \"tripCount\": 1, \"stops\": null, \"participantCount\": 1, \"participantProvinceCount\": 1}", "stops")]
    [InlineData("province-hue", "/api/courses/2011-2012-c01/nominations", "{\"trainees\": null}", "trainees")]
    [InlineData("province-hue", "/api/provinces/hue/hosting-requests/any/confirm", "{\"venue\": \"x\", \"rooms\": 100000000000000000000, \"lodging\": \"x\", \"transport\": \"x\", \"contact\": \"x\"}", "rooms")]
    [InlineData("lecturer-l08", "/api/lecturers/l08/assignments/any/decline", "", "body")]
    public async Task Odd_bodies_are_400_problems_naming_the_field(string userName, string path, string body, string field)
    {
        var client = await _session.AsAsync(userName);

        var response = await client.PostRawAsync(path, body);

        Assert.Contains(field, (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
