using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>
/// The gateway's limits, each answered with a problem: a body too large (413), too many sign-ins from one address, too
/// many planning runs or requests of one account (429 with Retry-After), and the lockout of an account after failed
/// sign-ins, released when its time has passed. Sign-ins are sent from addresses of their own (the limiter counts per
/// address), so the tests do not use up each other's attempts.
/// </summary>
public sealed class LimitsTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private sealed record Answer(int Status, string? RetryAfter, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    private async Task<Answer> SignInFromAsync(string address, string userName, string password = GatewayFactory.DemoPassword)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { userName, password });
        var context = await gateway.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/auth/token";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            // The test server says a hand-made request has no body unless told otherwise.
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });
        using var reader = new StreamReader(context.Response.Body);
        var text = await reader.ReadToEndAsync();
        return new Answer(context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString() is { Length: > 0 } after ? after : null, text);
    }

    private static void AssertTooMany(Answer answer)
    {
        Assert.Equal(StatusCodes.Status429TooManyRequests, answer.Status);
        Assert.True(int.TryParse(answer.RetryAfter, out var seconds) && seconds > 0, $"Retry-After: {answer.RetryAfter}");
        Assert.Equal(429, answer.Json.GetProperty("status").GetInt32());
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("detail")));
    }

    [Fact]
    public async Task Sign_ins_beyond_the_limit_from_one_address_are_429_with_retry_after_and_other_addresses_still_sign_in()
    {
        var answers = new List<Answer>();
        for (var i = 0; i <= LimitedGatewayFixture.SignInPermits; i++)
        {
            answers.Add(await SignInFromAsync("10.0.1.1", "lecturer-l10"));
        }

        Assert.All(answers.Take(LimitedGatewayFixture.SignInPermits), a => Assert.Equal(StatusCodes.Status200OK, a.Status));
        AssertTooMany(answers[^1]);
        Assert.Equal(StatusCodes.Status200OK, (await SignInFromAsync("10.0.1.2", "lecturer-l10")).Status);
    }

    [Fact]
    public async Task Failed_sign_ins_lock_the_account_whatever_the_password_until_the_lock_time_has_passed()
    {
        for (var i = 0; i < LimitedGatewayFixture.FailuresBeforeLockout; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, (await SignInFromAsync($"10.0.2.{i + 1}", "lecturer-l11", "not-the-password")).Status);
        }

        var right = await SignInFromAsync("10.0.2.10", "lecturer-l11");
        var wrong = await SignInFromAsync("10.0.2.11", "lecturer-l11", "still-not-it");

        AssertTooMany(right);
        // The locked answer is the same for the right and a wrong password: it tells nothing about the password.
        Assert.Equal(right.Status, wrong.Status);
        Assert.Equal(right.Json.Str("detail"), wrong.Json.Str("detail"));
        Assert.InRange(int.Parse(right.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, (int)LimitedGatewayFixture.Lockout.TotalSeconds);
        try
        {
            gateway.Clock.Set(DateTimeOffset.UtcNow + LimitedGatewayFixture.Lockout + TimeSpan.FromMinutes(1));
            Assert.Equal(StatusCodes.Status200OK, (await SignInFromAsync("10.0.2.12", "lecturer-l11")).Status);
        }
        finally
        {
            gateway.Clock.Reset();
        }
    }

    [Fact]
    public async Task An_unknown_user_name_locks_like_an_account_so_a_lockout_does_not_tell_names_apart()
    {
        for (var i = 0; i < LimitedGatewayFixture.FailuresBeforeLockout; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, (await SignInFromAsync($"10.0.3.{i + 1}", "nobody-by-this-name", "guess")).Status);
        }

        AssertTooMany(await SignInFromAsync("10.0.3.10", "nobody-by-this-name", "guess"));
    }

    [Fact]
    public async Task Planning_runs_beyond_the_limit_of_the_account_are_429_with_retry_after()
    {
        const string cycleId = "2081-2082";
        await new Scenario(_session).CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= LimitedGatewayFixture.PlanningPermits; i++)
        {
            answers.Add(await board.PostAsync($"/api/cycles/{cycleId}/plan", null));
        }

        Assert.All(answers.Take(LimitedGatewayFixture.PlanningPermits), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertTooManyAsync(answers[^1]);
        // Reading the plan is no planning run.
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/api/cycles/{cycleId}/plan")).StatusCode);
    }

    [Fact]
    public async Task Requests_beyond_the_limit_of_one_account_are_429_and_other_accounts_are_still_served()
    {
        var token = (await SignInFromAsync("10.0.4.1", "lecturer-l12")).Json.Str("accessToken");
        var other = (await SignInFromAsync("10.0.4.2", "lecturer-l13")).Json.Str("accessToken");
        var lecturer = _session.WithToken(token);

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i <= LimitedGatewayFixture.AccountPermits; i++)
        {
            statuses.Add(await lecturer.GetAsync("/api/lecturers/l12"));
        }

        Assert.All(statuses.Take(LimitedGatewayFixture.AccountPermits), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertTooManyAsync(statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await _session.WithToken(other).GetAsync("/api/lecturers/l13")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_nothing_is_created()
    {
        var board = await _session.BoardAsync();
        var big = new string('x', LimitedGatewayFixture.BodyBytes);

        var answer = await board.PostRawAsync("/api/cycles", JsonSerializer.Serialize(new { id = "2083-2084", start = "2083-01-04", end = "2084-12-18", curriculumVersion = big }));

        await answer.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await board.GetJsonAsync("/api/cycles/2083-2084", HttpStatusCode.NotFound);
    }
}

/// <summary>The planner refuses a cycle larger than its bound with a 422 naming the courses, and plans nothing.</summary>
public sealed class PlannerBoundTests(SmallPlannerGatewayFixture gateway) : IClassFixture<SmallPlannerGatewayFixture>
{
    [Fact]
    public async Task A_cycle_beyond_the_planners_bound_is_refused_with_422_and_stays_as_it_was()
    {
        const string cycleId = "2085-2086";
        await new Scenario(gateway.Session).CreateCycleAsync(cycleId, courses: 4);
        var board = await gateway.Session.BoardAsync();

        var plan = await board.PostAsync($"/api/cycles/{cycleId}/plan", null);

        Assert.Contains("courses", (await plan.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal("Draft", (await board.GetJsonAsync($"/api/cycles/{cycleId}")).Str("status"));
    }

    [Fact]
    public async Task A_cycle_within_the_bound_plans()
    {
        const string cycleId = "2087-2088";
        await new Scenario(gateway.Session).CreateCycleAsync(cycleId, courses: 3);

        var planned = await (await gateway.Session.BoardAsync()).PostJsonAsync($"/api/cycles/{cycleId}/plan", null);

        Assert.Equal("Planned", planned.Str("status"));
    }
}
