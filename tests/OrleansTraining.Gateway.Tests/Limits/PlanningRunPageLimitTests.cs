using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>
/// The planning-run page's Start is a planning run like the API's: beyond the account's limit it answers 429 with
/// Retry-After and starts nothing, sharing the account's window with the API; stopping a run is never limited.
/// </summary>
public sealed partial class PlanningRunPageLimitTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    private const string CycleId = "2171-2172";
    private const string PagePath = $"/board/cycles/{CycleId}/planning-run";

    [Fact]
    public async Task Starts_beyond_the_accounts_planning_limit_are_429_with_retry_after_and_cancel_still_works()
    {
        await new Scenario(gateway.Session).CreateCycleAsync(CycleId, courses: 1);
        var client = gateway.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookies = await SignInAsync(client);

        var starts = new List<HttpResponseMessage>();
        for (var i = 0; i <= LimitedGatewayFixture.PlanningPermits; i++)
        {
            starts.Add(await PostAsync(client, cookies, "Start"));
        }

        // Within the limit: started (redirect to the page) or refused by the grain because one is running (409), both counted.
        Assert.All(starts.Take(LimitedGatewayFixture.PlanningPermits), s => Assert.Contains(s.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Conflict }));
        var refused = starts[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("try again", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Stopping is not a planning run: it still works, as often as needed.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, cookies, "Cancel")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, cookies, "cancel")).StatusCode);
        // Reading the page costs nothing.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, cookies, PagePath)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string cookies, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    /// <summary>The form as the page renders it: its antiforgery token, posted to the handler.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string cookies, string handler)
    {
        var page = await GetAsync(client, cookies, PagePath);
        var token = VerificationToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{PagePath}?handler={handler}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Effort"] = "Standard", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private static async Task<string> SignInAsync(HttpClient client)
    {
        var signInPage = await client.GetAsync("/sign-in");
        var antiforgery = Cookies(signInPage);
        var token = VerificationToken().Match(await signInPage.Content.ReadAsStringAsync()).Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "board",
                ["password"] = GatewayFactory.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return $"{antiforgery}; {Cookies(signedIn)}";
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
