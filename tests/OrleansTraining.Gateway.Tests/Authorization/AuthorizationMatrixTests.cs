using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// Every operation of the API × every kind of caller: no token, an expired token, a token with a bad signature, the
/// board, the province and lecturer the operation is about, and another province and lecturer. A refused caller gets 401
/// or 403 and nothing in storage changes; an admitted one is never refused for who it is; nobody gets a 5xx.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<SqliteGatewayFixture>
{
    private const string CycleId = "2061-2062";

    private readonly GatewaySession _session = gateway.Session;

    [Fact]
    public async Task Every_operation_admits_exactly_its_callers_and_a_refusal_changes_nothing()
    {
        var world = await MatrixWorld.BuildAsync(_session, new Scenario(_session), CycleId);
        var clients = await Callers.ClientsAsync(gateway.Factory, _session, world);
        var operations = Operation.All(gateway.Factory.Services.GetRequiredService<EndpointDataSource>()).ToList();
        var connection = gateway.Factory.ConnectionString;
        var failures = new List<string>();
        output.WriteLine($"{operations.Count} operations × {clients.Count} callers");

        foreach (var operation in operations)
        {
            var path = world.PathOf(operation.Pattern);
            var admitted = ExplicitRules.For(operation) ?? operation.Admitted();
            var before = await world.SettledAsync(_session, connection);
            foreach (var caller in clients.Keys.Where(c => !admitted.Contains(c)))
            {
                var status = await SendAsync(clients[caller], operation, path, world);
                var expected = caller is Caller.Anonymous or Caller.ExpiredToken or Caller.BadSignature ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                if (status != expected)
                {
                    failures.Add($"{operation} as {caller}: {(int)status}, expected {(int)expected}");
                }
            }

            var after = await StorageDigest.ReadAsync(connection);
            if (after != before)
            {
                failures.Add($"{operation}: a refused call changed storage ({StorageDigest.Difference(before, after)})");
            }

            foreach (var caller in clients.Keys.Where(admitted.Contains))
            {
                var status = await SendAsync(clients[caller], operation, path, world);
                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500)
                {
                    failures.Add($"{operation} as {caller} (admitted): {(int)status}");
                }
            }
        }

        Assert.True(operations.Count >= 80, $"only {operations.Count} operations found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>An empty JSON object as the body (an upload gets a small well-formed file: refusals must not depend on a bad body).</summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Operation operation, string path, MatrixWorld world)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation is { Method: "POST", Pattern: "/api/courses/{courseId}/materials/" })
        {
            request.Content = new MultipartFormDataContent
            {
                { new StringContent(world.TopicCode), "topicCode" },
                { new ByteArrayContent("Notes for the session."u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "notes.txt" },
            };
        }
        else if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
