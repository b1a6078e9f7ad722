using System.Net;
using System.Text;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// A refusal the request caused is answered where the endpoint threw it (RefusalMiddleware), not by the outer
/// exception handler: the same problem, and the headers set before the endpoint ran (the request id) stay on it.
/// </summary>
public sealed class RefusalAnswerTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task A_repeated_accept_is_a_409_problem_naming_the_rule_and_carrying_the_request_id_and_security_headers()
    {
        const string cycleId = "2195-2196";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var offer = Scenario.Offers(await _scenario.PlanAndPublishAsync(cycleId))[0];
        var lecturer = await _session.LecturerAsync(offer.LecturerId);
        var path = $"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept";
        Assert.Equal(HttpStatusCode.OK, (await lecturer.PostAsync(path, null)).StatusCode);

        var repeat = await lecturer.PostAsync(path, null);

        Assert.Equal("already-answered", (await repeat.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(repeat.Headers.GetValues("X-Request-Id"))));
        Assert.Equal("nosniff", Assert.Single(repeat.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_body_that_cannot_be_read_is_a_400_problem_carrying_the_request_id()
    {
        const string cycleId = "2197-2198";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var offer = Scenario.Offers(await _scenario.PlanAndPublishAsync(cycleId))[0];
        var lecturer = await _session.LecturerAsync(offer.LecturerId);

        var broken = await lecturer.PostAsync(
            $"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/decline",
            new StringContent("{\"reason\": ", Encoding.UTF8, "application/json"));

        await broken.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(broken.Headers.GetValues("X-Request-Id"))));
    }
}
