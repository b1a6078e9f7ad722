using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.Grains.Idempotency;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>
/// A POST retried with the same Idempotency-Key is applied once and answered the same; the key with another body is a
/// 422, a bad key a 400; of racing requests with one key one is applied; records expire after a day.
/// </summary>
public sealed class IdempotencyTests(ClockedGatewayFixture gateway) : IClassFixture<ClockedGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    internal static object Draft(string title) => new
    {
        title,
        audience = new { positions = new[] { "Head", "DeputyHead" }, levels = new[] { "Provincial" } },
        capacity = 60,
        quotaPerProvince = 2,
    };

    internal static HttpRequestMessage Post(string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private async Task<int> CourseCountAsync(string cycleId) =>
        (await (await _session.BoardAsync()).GetJsonAsync($"/api/cycles/{cycleId}")).GetProperty("courseIds").GetArrayLength();

    [Fact]
    public async Task A_retried_post_with_the_same_key_is_applied_once_and_answered_the_same()
    {
        const string cycleId = "2061-2062";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();
        var key = Guid.NewGuid().ToString();

        var first = await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Lớp thêm"), key));
        var retry = await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Lớp thêm"), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, await CourseCountAsync(cycleId));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422_naming_the_header_and_nothing_changes()
    {
        const string cycleId = "2063-2064";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();
        var key = Guid.NewGuid().ToString();
        await (await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Lớp A"), key))).JsonAsync(HttpStatusCode.Created);

        var other = await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Lớp B"), key));

        var problem = await other.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.ErrorFields());
        Assert.Equal(2, await CourseCountAsync(cycleId));
    }

    [Fact]
    public async Task Of_requests_racing_with_one_key_exactly_one_is_applied()
    {
        const string cycleId = "2065-2066";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Lớp đua"), key))));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(2, await CourseCountAsync(cycleId));
        // Once the first has answered, a retry replays it.
        var retry = await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Lớp đua"), key));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(2, await CourseCountAsync(cycleId));
    }

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("long")]
    public async Task A_bad_key_is_a_400_naming_the_header_and_nothing_changes(string key)
    {
        var cycleId = key == "long" ? "2069-2070" : "2071-2072";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();

        var answer = await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Lớp khóa xấu"), key == "long" ? new string('k', 256) : key));

        var problem = await answer.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.ErrorFields());
        Assert.Equal(1, await CourseCountAsync(cycleId));
    }

    [Fact]
    public async Task A_domain_refusal_is_recorded_and_replayed_too()
    {
        var board = await _session.BoardAsync();
        var key = Guid.NewGuid().ToString();

        var first = await board.SendAsync(Post("/api/cycles/2099-2100/publish", new { }, key));
        var retry = await board.SendAsync(Post("/api/cycles/2099-2100/publish", new { }, key));

        await first.ProblemAsync(HttpStatusCode.NotFound);
        await retry.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_key_is_forgotten_after_a_day_and_may_then_carry_a_new_request()
    {
        const string cycleId = "2073-2074";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();
        var key = Guid.NewGuid().ToString();
        await (await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Hôm nay"), key))).JsonAsync(HttpStatusCode.Created);

        try
        {
            gateway.Clock.Set(DateTimeOffset.UtcNow.AddHours(25));
            var later = await board.SendAsync(Post($"/api/cycles/{cycleId}/courses", Draft("Ngày mai"), key));

            Assert.Equal(HttpStatusCode.Created, later.StatusCode);
            Assert.False(later.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(3, await CourseCountAsync(cycleId));
        }
        finally
        {
            gateway.Clock.Reset();
        }
    }

    [Fact]
    public async Task Without_a_key_a_post_is_applied_each_time()
    {
        const string cycleId = "2075-2076";
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();

        await board.PostJsonAsync($"/api/cycles/{cycleId}/courses", Draft("Một"), HttpStatusCode.Created);
        await board.PostJsonAsync($"/api/cycles/{cycleId}/courses", Draft("Một"), HttpStatusCode.Created);

        Assert.Equal(3, await CourseCountAsync(cycleId));
    }

    [Fact]
    public async Task A_claim_whose_request_never_finished_is_freed_after_its_timeout_and_a_released_one_at_once()
    {
        var grain = gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyGrain>($"test:{Guid.NewGuid()}");

        Assert.Equal(IdempotencyOutcome.Claimed, (await grain.ClaimAsync("first")).Outcome);
        Assert.Equal(IdempotencyOutcome.InProgress, (await grain.ClaimAsync("first")).Outcome);
        Assert.Equal(IdempotencyOutcome.Mismatch, (await grain.ClaimAsync("second")).Outcome);
        try
        {
            // The node that claimed it died mid-request: after the claim timeout (5 min) the key is free again.
            gateway.Clock.Set(DateTimeOffset.UtcNow.AddMinutes(6));
            Assert.Equal(IdempotencyOutcome.Claimed, (await grain.ClaimAsync("second")).Outcome);
        }
        finally
        {
            gateway.Clock.Reset();
        }

        await grain.ReleaseAsync("second");
        Assert.Equal(IdempotencyOutcome.Claimed, (await grain.ClaimAsync("third")).Outcome);
        await grain.CompleteAsync("third", new StoredAnswer(201, "application/json", null, [1, 2, 3]));
        var replay = await grain.ClaimAsync("third");
        Assert.Equal(IdempotencyOutcome.Replay, replay.Outcome);
        Assert.Equal([1, 2, 3], replay.Answer!.Body);
        // A completed record is not released by a late failure report.
        await grain.ReleaseAsync("third");
        Assert.Equal(IdempotencyOutcome.Replay, (await grain.ClaimAsync("third")).Outcome);
    }
}
