using System.Net;
using System.Net.Http.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// A gateway whose withdrawal cut-off lies before any session (a century), so every session is past it: the cut-off is
/// configuration (Deadlines:LecturerWithdrawalDaysBeforeSession) and tests run on the real clock.
/// </summary>
public sealed class PastCutOffGatewayFixture : IAsyncLifetime
{
    private GatewayFactory? _factory;

    public GatewaySession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(
            StorageKind.Sqlite,
            await TestDatabases.NewAsync(StorageKind.Sqlite),
            new Dictionary<string, string?> { ["Deadlines:LecturerWithdrawalDaysBeforeSession"] = "36500" });
        _ = _factory.Server;
        Session = new GatewaySession(_factory);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabases.DropAsync(StorageKind.Sqlite, _factory.ConnectionString);
        }
    }
}

public sealed class LecturerWithdrawalCutOffTests(PastCutOffGatewayFixture gateway) : IClassFixture<PastCutOffGatewayFixture>
{
    [Fact]
    public async Task Withdrawing_after_the_cut_off_is_a_conflict_naming_the_cut_off_and_the_session_stays_accepted()
    {
        var scenario = new Scenario(gateway.Session);
        await scenario.CreateCycleAsync("2061-2062", courses: 1);
        var offer = Scenario.Offers(await scenario.PlanAndPublishAsync("2061-2062"))[0];
        var client = await gateway.Session.LecturerAsync(offer.LecturerId);
        var path = $"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}";
        await client.PostJsonAsync($"{path}/accept", null);

        var response = await client.PostAsJsonAsync($"{path}/withdraw", new { reason = "Ill." });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("withdrawal-cut-off", problem.Str("rule"));
        var assignments = await client.GetJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments");
        var mine = assignments.EnumerateArray().Single(a => a.GetProperty("offer").Str("assignmentId") == offer.AssignmentId);
        Assert.Equal("Accepted", mine.Str("status"));
        var cutOff = DateOnly.Parse(mine.GetProperty("offer").Str("date"), System.Globalization.CultureInfo.InvariantCulture).AddDays(-36500);
        Assert.Contains($"cut-off to withdraw from the session on {mine.GetProperty("offer").Str("date")} was {cutOff:yyyy-MM-dd}", problem.Str("detail"), StringComparison.Ordinal);
    }
}
