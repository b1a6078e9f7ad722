using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.Grains.Security;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Two nodes on one PostgreSQL database share the data-protection keys: a page session opened on one works on the other.</summary>
public sealed partial class SharedKeyRingTests
{
    [Fact]
    public async Task A_sign_in_cookie_from_one_node_opens_the_pages_on_the_other_and_both_read_each_others_protected_data()
    {
        var database = await TestDatabases.NewAsync(StorageKind.Postgres);
        await using var first = new GatewayFactory(StorageKind.Postgres, database);
        await using var second = new GatewayFactory(StorageKind.Postgres, database);

        var protectedOnFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello");
        Assert.Equal("hello", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedOnFirst));
        // The keys live in the cluster's storage (not in a folder of one machine), each one a data-protection key element.
        var keys = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IKeyRingGrain>(IKeyRingGrain.Key).GetElementsAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.StartsWith("<key id=", xml, StringComparison.Ordinal));

        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var onFirst = first.CreateClient(options);
        var signInPage = await onFirst.GetAsync("/sign-in");
        var antiforgeryCookie = Cookies(signInPage);
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
        signIn.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await onFirst.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);

        var onSecond = second.CreateClient(options);
        using var board = new HttpRequestMessage(HttpMethod.Get, "/board");
        board.Headers.Add("Cookie", session);
        var page = await onSecond.SendAsync(board);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Các chu kỳ bồi dưỡng", await page.Content.ReadAsStringAsync());

        await first.DisposeAsync();
        await second.DisposeAsync();
        await TestDatabases.DropAsync(StorageKind.Postgres, database);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
