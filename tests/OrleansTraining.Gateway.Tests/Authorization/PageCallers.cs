using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// A browser-like caller of the pages: its cookies (the sign-in cookie, if any, and the antiforgery cookie) fixed once,
/// and the antiforgery token of a form it was shown, so a refused post is refused for who sent it, not for a missing token.
/// Cookies the answers set are not kept: a broken sign-in cookie stays broken for every request.
/// </summary>
public sealed class PageClient(HttpClient client, string cookies, string token)
{
    /// <summary>A GET, or a POST of the form <paramref name="fields"/> (none by default) with the caller's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SendAsync(string method, string path, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Cookie", cookies);
        if (method == "POST")
        {
            var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
            request.Content = new FormUrlEncodedContent(form);
        }

        return await client.SendAsync(request);
    }
}

/// <summary>The eight callers of the pages: no cookie, an expired and a tampered sign-in cookie, and the five roles signed in through the sign-in page.</summary>
public static partial class PageCallers
{
    public static async Task<Dictionary<Caller, PageClient>> ClientsAsync(GatewayFactory factory, MatrixWorld world)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var board = await SignInAsync(http, "board");
        var sessions = new Dictionary<Caller, string?>
        {
            [Caller.Anonymous] = null,
            [Caller.ExpiredToken] = Made(factory, "board", GatewayRoles.Board, expired: true),
            [Caller.BadSignature] = Tampered(board),
            [Caller.Board] = board,
            [Caller.OwnProvince] = await SignInAsync(http, $"province-{world.OwnProvince}"),
            [Caller.OtherProvince] = await SignInAsync(http, $"province-{world.OtherProvince}"),
            [Caller.OwnLecturer] = await SignInAsync(http, $"lecturer-{world.OwnLecturer}"),
            [Caller.OtherLecturer] = await SignInAsync(http, $"lecturer-{world.OtherLecturer}"),
        };
        // The expired cookie is refused for its age alone: the same cookie, unexpired, opens the board's page.
        using (var fresh = new HttpRequestMessage(HttpMethod.Get, "/board"))
        {
            fresh.Headers.Add("Cookie", Made(factory, "board", GatewayRoles.Board, expired: false));
            using var page = await http.SendAsync(fresh);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"a cookie made as the app makes them did not open /board: {(int)page.StatusCode}");
        }

        var clients = new Dictionary<Caller, PageClient>();
        foreach (var (caller, session) in sessions)
        {
            // The sign-in form as this caller shows it: a token bound to whoever the cookie says (nobody, for broken ones).
            var (antiforgery, token) = await FormAsync(http, session);
            clients[caller] = new PageClient(http, session is null ? antiforgery : $"{session}; {antiforgery}", token);
        }

        return clients;
    }

    /// <summary>One account signed in through the sign-in page, with the antiforgery token of a form shown to it.</summary>
    public static async Task<PageClient> SignedInAsync(GatewayFactory factory, string userName)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var session = await SignInAsync(http, userName);
        var (antiforgery, token) = await FormAsync(http, session);
        return new PageClient(http, $"{session}; {antiforgery}", token);
    }

    /// <summary>Signs in through the real sign-in page (its form, its antiforgery token) and returns the sign-in cookie.</summary>
    private static async Task<string> SignInAsync(HttpClient http, string userName)
    {
        var (antiforgery, token) = await FormAsync(http, null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName,
                ["password"] = GatewayFactory.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {userName}: {(int)response.StatusCode}");
        return SetCookies(response).Single(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
    }

    private static async Task<(string Cookie, string Token)> FormAsync(HttpClient http, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        if (session is not null)
        {
            request.Headers.Add("Cookie", session);
        }

        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var token = VerificationToken().Match(html);
        Assert.True(token.Success, $"no antiforgery token on the sign-in page ({(int)response.StatusCode})");
        return (string.Join("; ", SetCookies(response).Where(c => !c.StartsWith(SessionCookie + "=", StringComparison.Ordinal))), WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>A sign-in cookie made the way the app makes its own (the scheme's ticket format), expired an hour ago if asked.</summary>
    private static string Made(GatewayFactory factory, string userName, string role, bool expired)
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PageAuth.Scheme);
        var now = (factory.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var identity = new ClaimsIdentity(
            [new Claim(GatewayClaims.Subject, userName), new Claim(GatewayClaims.Role, role)], PageAuth.Scheme, GatewayClaims.Subject, GatewayClaims.Role);
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(identity), new AuthenticationProperties { IssuedUtc = now.AddHours(-9), ExpiresUtc = now.AddHours(expired ? -1 : 1) }, PageAuth.Scheme);
        return $"{SessionCookie}={options.TicketDataFormat.Protect(ticket)}";
    }

    /// <summary>A real sign-in cookie with one character of its protected payload changed: its signature no longer matches.</summary>
    private static string Tampered(string cookie)
    {
        var at = cookie.Length - 20;
        return cookie[..at] + (cookie[at] == 'A' ? 'B' : 'A') + cookie[(at + 1)..];
    }

    private const string SessionCookie = "ot.session";

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(c => c.Split(';')[0]) : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
