using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>A fault of ours is a 500 problem that tells the client nothing of our internals.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_without_internals()
    {
        await using var factory = new GatewayFactory(
            StorageKind.Sqlite,
            TestDatabase.NewSqliteConnectionString(),
            services: services => services.AddSingleton<IStartupFilter, FaultyRoute>());
        var board = await new GatewaySession(factory).BoardAsync();

        var response = await board.GetAsync(FaultyRoute.Path);

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("An unexpected error occurred", problem.Str("title"));
        Assert.DoesNotContain("hunter2", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_to_a_node_that_just_died_is_a_503_problem_to_retry()
    {
        await using var factory = new GatewayFactory(
            StorageKind.Sqlite,
            TestDatabase.NewSqliteConnectionString(),
            services: services => services.AddSingleton<IStartupFilter, UnavailableNodeRoute>());
        var board = await new GatewaySession(factory).BoardAsync();

        var response = await board.GetAsync(UnavailableNodeRoute.Path);

        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("A node is unavailable", problem.Str("title"));
        Assert.DoesNotContain("SiloUnavailableException", problem.ToString(), StringComparison.Ordinal);
    }
}
