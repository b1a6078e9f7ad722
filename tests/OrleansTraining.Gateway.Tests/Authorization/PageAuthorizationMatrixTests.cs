using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// Every page handler (each page's GET and each of its POST handlers, found in the app itself) × the same eight callers as
/// the API's matrix, by cookie: none, an expired one, a tampered one, and the five roles signed in through the sign-in
/// page. Without a valid session a page leads to sign-in; a role outside the page's own people lands on the 403 page;
/// neither changes anything in storage; an admitted caller is never refused; the public pages need no account.
/// Every post carries a valid antiforgery token for its caller, so a refusal is the page's, not antiforgery's.
/// </summary>
public sealed class PageAuthorizationMatrixTests(SqliteGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<SqliteGatewayFixture>
{
    private const string CycleId = "2065-2066";

    private static readonly Caller[] Unauthenticated = [Caller.Anonymous, Caller.ExpiredToken, Caller.BadSignature];

    private readonly GatewaySession _session = gateway.Session;

    [Fact]
    public async Task Every_page_handler_admits_exactly_its_callers_and_a_refusal_changes_nothing()
    {
        var world = await MatrixWorld.BuildAsync(_session, new Scenario(_session), CycleId);
        var clients = await PageCallers.ClientsAsync(gateway.Factory, world);
        var operations = await PageOperation.AllAsync(
            gateway.Factory.Services.GetRequiredService<EndpointDataSource>(), gateway.Factory.Services.GetRequiredService<PageLoader>());
        var connection = gateway.Factory.ConnectionString;
        var failures = new List<string>();
        output.WriteLine($"{operations.Count} page handlers × {clients.Count} callers");

        foreach (var operation in operations)
        {
            if (PageRules.For(operation) is not { } admitted)
            {
                failures.Add($"{operation}: no rule (the visitor policy alone admits everyone): list it in PageRules as public or give it its callers");
                continue;
            }

            output.WriteLine($"{operation}: {(PageRules.IsPublic(operation) ? "public" : string.Join(", ", admitted.Order()))}");
            var path = operation.PathIn(world);
            var before = await world.SettledAsync(_session, connection);
            foreach (var caller in clients.Keys.Where(c => !admitted.Contains(c)))
            {
                using var response = await clients[caller].SendAsync(operation.Method, path);
                var expected = Unauthenticated.Contains(caller) ? "/sign-in" : "/denied";
                if (response.StatusCode != HttpStatusCode.Redirect || RedirectPath(response) != expected)
                {
                    failures.Add($"{operation} as {caller}: {Describe(response)}, expected a redirect to {expected}");
                }
            }

            var after = await StorageDigest.ReadAsync(connection);
            if (after != before)
            {
                failures.Add($"{operation}: a refused call changed storage ({StorageDigest.Difference(before, after)})");
            }

            foreach (var caller in clients.Keys.Where(admitted.Contains))
            {
                using var response = await clients[caller].SendAsync(operation.Method, path);
                if (Refused(operation, response))
                {
                    failures.Add($"{operation} as {caller} (admitted{(PageRules.IsPublic(operation) ? ", public" : "")}): {Describe(response)}");
                }
            }
        }

        Assert.True(operations.Count >= 30, $"only {operations.Count} page handlers found");
        Assert.True(operations.Select(o => o.Page).Distinct().Count() >= 20, "fewer than 20 pages found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_form_naming_anothers_offer_or_hosting_request_on_the_callers_own_page_is_refused_and_changes_nothing()
    {
        var world = await MatrixWorld.BuildAsync(_session, new Scenario(_session), "2067-2068");
        var clients = await PageCallers.ClientsAsync(gateway.Factory, world);
        var connection = gateway.Factory.ConnectionString;
        var offer = new Dictionary<string, string> { ["Selected"] = world.AssignmentId, ["Reason"] = "Trùng lịch" };
        var request = new Dictionary<string, string>
        {
            ["Reason"] = "Không đủ phòng", ["Logistics.Venue"] = "Hội trường", ["Logistics.Rooms"] = "3", ["Logistics.Lodging"] = "Nhà khách",
            ["Logistics.Transport"] = "Xe tỉnh", ["Logistics.Contact"] = "0900000000",
        };
        var assignment = Uri.EscapeDataString(world.AssignmentId);
        var probes = new (Caller Caller, string Path, Dictionary<string, string> Form)[]
        {
            (Caller.OtherLecturer, $"/lecturer/{world.OtherLecturer}?handler=Accept&assignmentId={assignment}", offer),
            (Caller.OtherLecturer, $"/lecturer/{world.OtherLecturer}?handler=Decline&assignmentId={assignment}", offer),
            (Caller.OtherLecturer, $"/lecturer/{world.OtherLecturer}?handler=AcceptMany", offer),
            (Caller.OtherLecturer, $"/lecturer/{world.OtherLecturer}?handler=DeclineMany", offer),
            (Caller.OtherProvince, $"/province/{world.OtherProvince}?handler=Confirm&requestId={Uri.EscapeDataString(world.RequestId)}", request),
            (Caller.OtherProvince, $"/province/{world.OtherProvince}?handler=Decline&requestId={Uri.EscapeDataString(world.RequestId)}", request),
        };
        var failures = new List<string>();

        foreach (var (caller, path, form) in probes)
        {
            var before = await StorageDigest.SettledAsync(connection);
            using var response = await clients[caller].SendAsync("POST", path, form);
            var after = await StorageDigest.SettledAsync(connection);
            // The page answers for its own account only: another's offer or request is not found there (a 4xx page).
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{caller} POST {path}: {Describe(response)}, expected a 4xx page");
            }

            if (after != before)
            {
                failures.Add($"{caller} POST {path}: storage changed ({StorageDigest.Difference(before, after)})");
            }
        }

        // The same forms from their owners are answered: the probes were refused for whose ids they named, not for their shape.
        using var owner = await clients[Caller.OwnLecturer].SendAsync("POST", $"/lecturer/{world.OwnLecturer}?handler=Decline&assignmentId={assignment}", offer);
        using var host = await clients[Caller.OwnProvince].SendAsync("POST", $"/province/{world.OwnProvince}?handler=Decline&requestId={Uri.EscapeDataString(world.RequestId)}", request);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(owner.StatusCode == HttpStatusCode.Redirect, $"the owner's decline: {Describe(owner)}");
        Assert.True(host.StatusCode == HttpStatusCode.Redirect, $"the host's decline: {Describe(host)}");
    }

    [Fact]
    public async Task Every_public_page_exists_and_none_is_under_a_roles_folder()
    {
        var operations = await PageOperation.AllAsync(
            gateway.Factory.Services.GetRequiredService<EndpointDataSource>(), gateway.Factory.Services.GetRequiredService<PageLoader>());
        var pages = operations.Select(o => o.Page).ToHashSet(StringComparer.Ordinal);

        var missing = PageRules.Public.Keys.Where(p => !pages.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "public pages that no longer exist: " + string.Join(", ", missing));
        // A public page under a role's folder would be a contradiction: the folder's policy would refuse its visitors.
        var underRole = operations.Where(o => PageRules.IsPublic(o) && o.Policy is not null).Select(o => o.ToString()).ToList();
        Assert.True(underRole.Count == 0, "public pages under a role's policy: " + string.Join(", ", underRole));
    }

    /// <summary>
    /// Refused: led to sign-in or to the 403 page, a 401 or 403 (but from the 403 page itself), or a 5xx.
    /// </summary>
    private static bool Refused(PageOperation operation, HttpResponseMessage response) =>
        (int)response.StatusCode >= 500
        || response.StatusCode == HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Forbidden && operation.Page != PageRules.DeniedPage)
        || (response.StatusCode == HttpStatusCode.Redirect && RedirectPath(response) is "/sign-in" or "/denied");

    private static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.AbsolutePath
        : location.OriginalString.Split('?')[0];

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } location ? " → " + location : "")}";
}
