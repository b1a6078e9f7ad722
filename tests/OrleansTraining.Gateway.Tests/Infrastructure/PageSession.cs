using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>
/// The pages as a browser uses them, without one: signed in by the sign-in form (cookie), each form posted with the
/// antiforgery token of the page that renders it. Redirects are not followed, so a test sees each answer.
/// </summary>
public sealed partial class PageSession
{
    private readonly HttpClient _client;
    private readonly string _cookies;

    private PageSession(HttpClient client, string cookies)
    {
        _client = client;
        _cookies = cookies;
    }

    public static async Task<PageSession> SignInAsync(GatewayFactory factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var signInPage = await client.GetAsync("/sign-in");
        var antiforgery = Cookies(signInPage);
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = userName,
                ["password"] = GatewayFactory.DemoPassword,
                ["__RequestVerificationToken"] = await TokenAsync(signInPage),
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new PageSession(client, $"{antiforgery}; {Cookies(signedIn)}");
    }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", _cookies);
        return await _client.SendAsync(request);
    }

    /// <summary>Posts the page's form to <paramref name="handler"/> with <paramref name="fields"/> and the page's token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, IReadOnlyDictionary<string, string>? fields = null)
    {
        var token = await TokenAsync(await GetAsync(path));
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?handler={handler}") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", _cookies);
        return await _client.SendAsync(request);
    }

    private static async Task<string> TokenAsync(HttpResponseMessage page) =>
        VerificationToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
