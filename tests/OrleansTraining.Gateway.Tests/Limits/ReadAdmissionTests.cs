using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Limits;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>
/// The read gate on a host of its own with one read at a time and one waiting, so a test holds the only turn with a read
/// it releases when it chooses: a change and a health check pass while reads wait, the next read waits for the turn, the
/// one after it finds the queue full (503 problem with Retry-After), and with the gate off nothing is held.
/// </summary>
public sealed class ReadAdmissionTests
{
    private sealed class Host : IAsyncDisposable
    {
        private readonly WebApplication _app;

        public Host(int concurrentReads)
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Limits:ConcurrentReads"] = $"{concurrentReads}",
                ["Limits:QueuedReads"] = "1",
            });
            builder.Services.AddProblemDetails();
            builder.Services.AddGatewayLimits(builder.Configuration);
            _app = builder.Build();
            _app.UseReadAdmission();
            _app.MapGet("/api/held", async () =>
            {
                Entered.TrySetResult();
                return TypedResults.Ok(await Release.Task);
            });
            _app.MapGet("/api/quick", () => TypedResults.Ok("quick"));
            _app.MapPost("/api/change", () => TypedResults.Ok("changed"));
            _app.MapGet("/health/ready", () => TypedResults.Ok("ready"));
            _app.StartAsync().GetAwaiter().GetResult();
            Client = _app.GetTestClient();
        }

        /// <summary>Set when the held read has its turn and runs.</summary>
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HttpClient Client { get; }

        public ReadGate Gate => _app.Services.GetRequiredService<ReadGate>();

        /// <summary>Until the gate says this many reads wait (the requests run on the test server's own threads).</summary>
        public async Task WaitingAsync(long count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Gate.Waiting != count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{Gate.Waiting} reads wait, expected {count}");
                await Task.Delay(10);
            }
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    [Fact]
    public async Task With_the_only_turn_taken_changes_and_health_pass_the_next_read_waits_and_one_more_is_a_503_problem()
    {
        await using var host = new Host(concurrentReads: 1);
        var held = host.Client.GetAsync("/api/held");
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = host.Client.GetAsync("/api/quick");
        await host.WaitingAsync(1);

        var change = await host.Client.PostAsync("/api/change", null);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/ready")).StatusCode);

        var refused = await host.Client.GetAsync("/api/quick");
        var problem = await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");

        Assert.False(waiting.IsCompleted);
        Assert.False(held.IsCompleted);
        host.Release.SetResult("released");
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        Assert.Equal(0, host.Gate.Waiting);
    }

    [Fact]
    public void Unless_configured_the_gate_is_on_with_four_reads_per_core()
    {
        // The shipped appsettings.json leaves the key out, so the default is what a node runs with.
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var limits = shipped.GetSection("Limits").Get<GatewayLimits>() ?? new GatewayLimits();

        Assert.Equal(4 * Environment.ProcessorCount, limits.ConcurrentReads);
        using var gate = new ReadGate(Microsoft.Extensions.Options.Options.Create(limits));
        Assert.True(gate.IsOn);
    }

    [Fact]
    public async Task With_the_gate_off_a_held_read_holds_no_other()
    {
        await using var host = new Host(concurrentReads: 0);
        Assert.False(host.Gate.IsOn);
        var held = host.Client.GetAsync("/api/held");
        await host.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/quick")).StatusCode);
        }

        Assert.False(held.IsCompleted);
        host.Release.SetResult("released");
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/lecturers/l01/assignments", true)]
    [InlineData("HEAD", "/cycles/2027-2028", true)]
    [InlineData("POST", "/api/lecturers/l01/assignments/a1/accept", false)]
    [InlineData("PUT", "/api/courses/c1", false)]
    [InlineData("GET", "/health/ready", false)]
    [InlineData("GET", "/dashboard", false)]
    [InlineData("GET", "/openapi/v1.json", false)]
    [InlineData("GET", "/css/site.css", false)]
    public void Only_reads_of_the_api_and_the_pages_are_held(string method, string path, bool held)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        Assert.Equal(held, ReadAdmission.Held(context.Request));
    }
}
