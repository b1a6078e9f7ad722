using System.Net;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>
/// The planning-run page's Start is a planning run like the API's: beyond the account's limit it answers 429 with
/// Retry-After and starts nothing, on a page in the visitor's language; stopping a run is never limited.
/// </summary>
public sealed class PlanningRunPageLimitTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    private const string CycleId = "2171-2172";
    private const string PagePath = $"/board/cycles/{CycleId}/planning-run";
    private static readonly Dictionary<string, string> Standard = new() { ["Effort"] = "Standard" };

    [Fact]
    public async Task Starts_beyond_the_accounts_planning_limit_are_429_with_retry_after_and_cancel_still_works()
    {
        await new Scenario(gateway.Session).CreateCycleAsync(CycleId, courses: 1);
        var board = await PageSession.SignInAsync(gateway.Factory, "board");

        var starts = new List<HttpResponseMessage>();
        for (var i = 0; i <= LimitedGatewayFixture.PlanningPermits; i++)
        {
            starts.Add(await board.PostFormAsync(PagePath, "Start", Standard));
        }

        // Within the limit: started (redirect to the page) or refused by the grain because one is running (409), both counted.
        Assert.All(starts.Take(LimitedGatewayFixture.PlanningPermits), s => Assert.Contains(s.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Conflict }));
        var refused = starts[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        // A page for the person at the browser, in the pages' language, not a problem document shown as raw JSON.
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", page, StringComparison.Ordinal);
        Assert.Contains($"Vui lòng thử lại sau {(int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds} giây.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{PagePath}\">", page, StringComparison.Ordinal);

        // Stopping is not a planning run: it still works, as often as needed; reading the page costs nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await board.PostFormAsync(PagePath, "Cancel")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await board.PostFormAsync(PagePath, "cancel")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync(PagePath)).StatusCode);
    }
}
