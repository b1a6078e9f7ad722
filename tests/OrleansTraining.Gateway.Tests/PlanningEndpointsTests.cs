using System.Net;
using System.Net.Http.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>The planning engine through HTTP: score, explanations, weights and what-if variants, for the board only.</summary>
public sealed class PlanningEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private const string CycleId = "2041-2042";

    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task The_board_reads_the_score_explanations_and_compares_a_variant()
    {
        var board = await PlannedCycleAsync();
        var plan = await board.GetJsonAsync($"/api/cycles/{CycleId}/plan");
        var course = plan.Items("courses").First();
        var session = course.Items("sessions").First();

        var score = await board.GetJsonAsync($"/api/cycles/{CycleId}/plan/score");
        Assert.True(score.GetProperty("score").GetProperty("feasible").GetBoolean());
        Assert.Contains(score.Items("constraints"), c => c.Str("constraint") == "TraineeTravel");

        var why = await board.GetJsonAsync($"/api/cycles/{CycleId}/plan/explanations/sessions/{course.Str("id")}-{session.Str("sessionId")}");
        Assert.Equal(session.Str("lecturerId"), why.Str("current"));
        var host = await board.GetJsonAsync($"/api/cycles/{CycleId}/plan/explanations/courses/{course.Str("id")}");
        Assert.Contains(course.Str("hostProvince"), host.Str("current"));

        var removed = session.Str("lecturerId");
        var saved = await board.PostJsonAsync($"/api/cycles/{CycleId}/variants", new { name = "without-lecturer", removedLecturerId = removed }, HttpStatusCode.Created);
        Assert.Equal("without-lecturer", saved.Str("name"));
        Assert.Contains((await board.GetJsonAsync($"/api/cycles/{CycleId}/variants")).EnumerateArray(), v => v.Str("name") == "without-lecturer");
        var comparison = await board.GetJsonAsync($"/api/cycles/{CycleId}/variants/without-lecturer/comparison");
        Assert.Contains(comparison.Items("moves"), m => m.Str("kind") == "Lecturer" && m.StrOrNull("current") == removed);
        Assert.DoesNotContain(comparison.Items("moves"), m => m.StrOrNull("variant") == removed);
    }

    [Fact]
    public async Task Weights_are_set_by_the_board_and_bad_ones_are_a_400_naming_the_field()
    {
        var board = await PlannedCycleAsync();

        var weights = await board.PutJsonAsync($"/api/cycles/{CycleId}/planner-weights", new { traineeTravel = 2, lecturerTravel = 5, fairLoad = 2, hostRotation = 80, courseSpread = 20, ownDepartment = 10, changes = 200 });
        Assert.Equal(80, weights.GetProperty("hostRotation").GetInt32());

        var bad = await board.PutAsJsonAsync($"/api/cycles/{CycleId}/planner-weights", new { fairLoad = -3 });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("weights.fairLoad", out _));
    }

    [Fact]
    public async Task Unknown_sessions_courses_and_variants_are_404()
    {
        var board = await PlannedCycleAsync();

        await (await board.GetAsync($"/api/cycles/{CycleId}/plan/explanations/sessions/{CycleId}-c01-s99")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync($"/api/cycles/{CycleId}/plan/explanations/sessions/nonsense")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync($"/api/cycles/{CycleId}/plan/explanations/courses/{CycleId}-c99")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync($"/api/cycles/{CycleId}/variants/no-such-variant/comparison")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.PostAsJsonAsync($"/api/cycles/{CycleId}/variants", new { name = "ghost", removedLecturerId = "no-such-lecturer" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync("/api/cycles/2099-2100/plan/score")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("province-can-tho", "GET", "/plan/score")]
    [InlineData("lecturer-l01", "GET", "/plan/score")]
    [InlineData("province-can-tho", "GET", "/plan/explanations/courses/2041-2042-c01")]
    [InlineData("lecturer-l01", "GET", "/plan/explanations/sessions/2041-2042-c01-s01")]
    [InlineData("province-can-tho", "PUT", "/planner-weights")]
    [InlineData("lecturer-l01", "POST", "/variants")]
    [InlineData("province-can-tho", "GET", "/variants")]
    [InlineData("lecturer-l01", "GET", "/variants/any/comparison")]
    public async Task Only_the_board_may_use_the_planning_endpoints(string userName, string method, string path)
    {
        var client = await _session.AsAsync(userName);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/cycles/{CycleId}{path}")
        {
            Content = JsonContent.Create(new { name = "x" }),
        });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>A cycle of this class's own, planned once (the fixture is shared by the tests of the class).</summary>
    private async Task<HttpClient> PlannedCycleAsync()
    {
        var board = await _session.BoardAsync();
        var existing = await board.GetAsync($"/api/cycles/{CycleId}");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await _scenario.CreateCycleAsync(CycleId, courses: 2);
            await board.PostJsonAsync($"/api/cycles/{CycleId}/plan", null);
        }

        return board;
    }
}
