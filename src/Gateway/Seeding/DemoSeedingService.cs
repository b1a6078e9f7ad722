using Microsoft.Extensions.Options;
using OrleansTraining.Grains.Accounts;
using OrleansTraining.Grains.Demo;

namespace OrleansTraining.Gateway.Seeding;

/// <summary>
/// Loads the demo (domain data, then accounts) on the first start with an empty database. It runs after the grain
/// host started and before the server takes requests, so nobody sees a half-loaded demo. A database that holds
/// anything is left alone: the demo must never mix with real data.
/// </summary>
public sealed partial class DemoSeedingService(
    IGrainFactory grains,
    DemoDataSeeder seeder,
    IOptions<DemoSettings> settings,
    ILogger<DemoSeedingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        var accounts = DemoAccounts.All(settings.Value.Password).ToList();
        var (boardName, board) = accounts[0];
        // Opening the board account claims the load: of two nodes starting on one empty PostgreSQL database, only
        // one writes it first (the other's write meets a stale etag), so the demo is loaded once.
        if (await DemoDataSeeder.HasDataAsync(grains) || !await grains.GetGrain<IAccountGrain>(boardName).OpenAsync(board))
        {
            LogNotEmpty(logger);
            return;
        }

        await seeder.SeedAsync(grains, cancellationToken);
        // Account grains are independent, so hashing the passwords runs in parallel.
        await Task.WhenAll(accounts.Skip(1).Select(a => grains.GetGrain<IAccountGrain>(a.UserName).OpenAsync(a.Account)));
        LogSeeded(logger, accounts.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo loading is switched off (Demo:Enabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data not loaded: the database is not empty, and the demo is never loaded into a non-empty database")]
    private static partial void LogNotEmpty(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded with {AccountCount} demo accounts")]
    private static partial void LogSeeded(ILogger logger, int accountCount);
}
