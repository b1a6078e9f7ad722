using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// The board reads who changed what: a lecturer's accept through the API is audited on the lecturer as their account
/// with the request id the response carried, and so is what it caused on the course; paging, roles and unknown ids.
/// </summary>
public sealed class AuditEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task An_accept_is_audited_as_the_lecturers_with_the_request_id_the_response_carried_on_the_lecturer_and_the_course()
    {
        const string cycleId = "2111-2112";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var offer = Scenario.Offers(await _scenario.PlanAndPublishAsync(cycleId))[0];
        var lecturer = await _session.LecturerAsync(offer.LecturerId);

        var response = await lecturer.PostAsync($"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requestId = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        var board = await _session.BoardAsync();
        var trail = await board.GetJsonAsync($"/api/audit/lecturers/{offer.LecturerId}?pageSize=100");
        var entry = trail.Items("entries").Single(e => e.StrOrNull("requestId") == requestId);
        Assert.Equal(($"lecturer-{offer.LecturerId}", "lecturer", offer.LecturerId), (entry.Str("actor"), entry.Str("role"), entry.Str("actsFor")));
        Assert.Equal(($"lecturer/{offer.LecturerId}", "Accept"), (entry.Str("grain"), entry.Str("operation")));
        Assert.Contains(entry.Items("changes"), c =>
            c.Str("field") == $"assignments[{offer.AssignmentId}].status" && c.Str("before") == "Offered" && c.Str("after") == "Accepted");
        Assert.True(DateTimeOffset.TryParse(entry.Str("at"), System.Globalization.CultureInfo.InvariantCulture, out _));

        // The cycle passes the answer on to the course one-way; the course's change is attributed to the same request.
        var courseEntry = await UntilAsync(async () =>
        {
            var course = await board.GetJsonAsync($"/api/audit/courses/{offer.CourseId}?pageSize=100");
            return course.Items("entries").FirstOrDefault(e => e.StrOrNull("requestId") == requestId);
        });
        Assert.Equal($"lecturer-{offer.LecturerId}", courseEntry.Str("actor"));
        Assert.Contains(courseEntry.Items("changes"), c => c.Str("field").StartsWith("sessions[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trail_is_paged_newest_first_and_bad_paging_is_a_400_naming_the_field()
    {
        const string cycleId = "2113-2114";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        await _scenario.PlanAndPublishAsync(cycleId);
        var board = await _session.BoardAsync();
        var path = $"/api/audit/cycles/{cycleId}";

        var all = await board.GetJsonAsync($"{path}?pageSize=100");
        var first = await board.GetJsonAsync($"{path}?page=1&pageSize=1");
        var second = await board.GetJsonAsync($"{path}?page=2&pageSize=1");

        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 3, "create, plan and publish each changed the cycle");
        Assert.Equal(total, first.GetProperty("total").GetInt32());
        var times = all.Items("entries").Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal("Publish", Assert.Single(first.Items("entries")).Str("operation"));
        Assert.Equal(all.Items("entries").ElementAt(1).ToString(), Assert.Single(second.Items("entries")).ToString());
        Assert.Equal("Create", all.Items("entries").Last().Str("operation"));
        Assert.Equal("board", all.Items("entries").Last().Str("actor"));

        Assert.Contains("page", (await (await board.GetAsync($"{path}?page=0")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("pageSize", (await (await board.GetAsync($"{path}?pageSize=101")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("page", (await (await board.GetAsync($"{path}?page=abc")).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Only_the_board_reads_a_trail_and_an_unknown_id_is_not_found()
    {
        var lecturer = await _session.LecturerAsync("l01");
        var province = await _session.ProvinceAsync("hue");
        var board = await _session.BoardAsync();

        await (await lecturer.GetAsync("/api/audit/lecturers/l01")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await province.GetAsync("/api/audit/provinces/hue")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.GetAsync("/api/audit/lecturers/no-such-lecturer")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync("/api/audit/cycles/1999-2000")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync("/api/audit/courses/no-such-course")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync("/api/audit/field-trips/no-such-trip")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync("/api/audit/provinces/atlantis")).ProblemAsync(HttpStatusCode.NotFound);
        var hue = await board.GetJsonAsync("/api/audit/provinces/hue");
        Assert.Equal(1, hue.GetProperty("page").GetInt32());
    }

    private static async Task<JsonElement> UntilAsync(Func<Task<JsonElement>> read)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = await read();
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "the course's change reached its audit trail");
            await Task.Delay(200);
        }
    }
}
