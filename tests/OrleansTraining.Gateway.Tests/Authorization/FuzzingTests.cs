using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// Over 10,000 malformed requests across every operation, each sent by a caller the operation admits: no answer is a
/// 5xx, and no refused request writes anything, nor does any read (every grain state's version read back from storage).
/// Only after an accepted write does the test wait for storage to settle before the next check.
/// </summary>
public sealed class FuzzingTests(SqliteGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<SqliteGatewayFixture>
{
    private const string CycleId = "2063-2064";
    private const int Seed = 20261201;
    private const int AtLeast = 10_000;

    private readonly GatewaySession _session = gateway.Session;

    [Fact]
    public async Task Ten_thousand_malformed_requests_answer_no_5xx_and_neither_a_refused_one_nor_a_read_writes_anything()
    {
        var world = await MatrixWorld.BuildAsync(_session, new Scenario(_session), CycleId);
        var clients = await Callers.ClientsAsync(gateway.Factory, _session, world);
        var document = JsonNode.Parse(await (await _session.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!.AsObject();
        var operations = Operation.All(gateway.Factory.Services.GetRequiredService<EndpointDataSource>()).ToList();
        var perOperation = (AtLeast / operations.Count) + 1;
        var generator = new MalformedRequests(new Random(Seed));
        var connection = gateway.Factory.ConnectionString;
        var failures = new List<string>();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();
        var before = await StorageDigest.ReadAsync(connection);

        foreach (var operation in operations)
        {
            var admitted = ExplicitRules.For(operation) ?? operation.Admitted();
            var caller = new[] { Caller.Board, Caller.OwnProvince, Caller.OwnLecturer, Caller.Anonymous }.First(admitted.Contains);
            var schema = BodySchema(document, operation);
            foreach (var request in generator.For(operation.Method, world.PathOf(operation.Pattern), schema, perOperation))
            {
                var status = await SendAsync(clients[caller], request);
                sent++;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500)
                {
                    failures.Add($"{operation} as {caller}, {request.Description}: {status}");
                    continue;
                }

                // A read must write nothing whatever it answers (RFC 9110's safe methods), so only an accepted write
                // needs the wait for storage to settle; checking the rest at once keeps 10,000 requests quick.
                if (status >= 400 || request.Method is "GET" or "HEAD")
                {
                    var after = await StorageDigest.ReadAsync(connection);
                    if (after != before)
                    {
                        // Storage was settled after the last accepted write, so this request wrote.
                        var settled = await world.SettledAsync(_session, connection);
                        failures.Add($"{operation} as {caller}, {request.Description}: {status} but storage changed ({StorageDigest.Difference(before, after)})");
                        before = settled;
                        continue;
                    }
                }
                else
                {
                    before = await world.SettledAsync(_session, connection);
                }
            }
        }

        output.WriteLine($"{sent} requests over {operations.Count} operations (seed {Seed}): " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(sent >= AtLeast, $"only {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(60)));
    }

    private static async Task<int> SendAsync(HttpClient client, MalformedRequest malformed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(malformed.Method), malformed.Path);
        if (malformed.Body is { } body)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The operation's JSON body schema from the OpenAPI document, references resolved; null without a JSON body.</summary>
    private static JsonObject? BodySchema(JsonObject document, Operation operation)
    {
        var template = operation.Pattern.Replace(":int", "", StringComparison.Ordinal).TrimEnd('/');
        var path = document["paths"]!.AsObject().FirstOrDefault(p => p.Key.TrimEnd('/') == template).Value;
        var schema = path?[operation.Method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
        return schema?["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference.Split('/')[^1]] as JsonObject
            : schema;
    }
}
