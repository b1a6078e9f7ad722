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
}
