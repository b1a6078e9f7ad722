using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansTraining.Silo.Observability;
using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.Silo.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

/// <summary>The single SQLite silo that AddTrainingSilo builds by default, restarted on the same file.</summary>
public sealed class SqliteSiloTests
{
    private readonly Dictionary<string, string?> _settings =
        TestSiloHost.Settings("Sqlite", TestDatabase.NewSqliteConnectionString(), $"sqlite-{Guid.NewGuid():N}");

    private readonly string _key = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Grain_state_survives_a_restart_of_the_silo()
    {
        await using (var silo = await TestSiloHost.StartSiloAsync(_settings))
        {
            var counter = silo.Client.GetGrain<ICounterGrain>(_key);
            await counter.Increment("a");
            await counter.Increment("a");
            Assert.Equal(3, await counter.Increment("b"));
        }

        await using (var restarted = await TestSiloHost.StartSiloAsync(_settings))
        {
            var counter = restarted.Client.GetGrain<ICounterGrain>(_key);
            Assert.Equal(3, await counter.Get());
            Assert.Equal(2, await counter.GetByCaller("a"));
            Assert.Equal(4, await counter.Increment("b"));
        }
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        await using (var silo = await TestSiloHost.StartSiloAsync(_settings))
        {
            await silo.Client.GetGrain<IReminderGrain>(_key).Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }

        // Only ticks from the restarted silo count from here on: the first one is stopped.
        ReminderLog.Reset(_key);
        await using var restarted = await TestSiloHost.StartSiloAsync(_settings);
        await Eventually.TrueAsync(() => ReminderLog.Count(_key) > 0, "the restarted silo fires the stored reminder", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_ready_checks_pass_on_a_running_silo()
    {
        await using var silo = await TestSiloHost.StartSiloAsync(_settings, s => s.Services.AddTrainingHealthChecks());

        var health = silo.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthCheckExtensions.ReadyTag));

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["database", "orleans"], report.Entries.Keys.Order());
    }

    [Fact]
    public async Task A_client_configured_by_AddTrainingClient_reaches_the_sqlite_silo()
    {
        await using var silo = await TestSiloHost.StartSiloAsync(_settings);
        await using var client = await TestSiloHost.StartClientAsync(_settings);

        await client.Client.GetGrain<ICounterGrain>(_key).Increment("client");

        Assert.Equal(1, await silo.Client.GetGrain<ICounterGrain>(_key).Get());
    }
}
