using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Silo;
using OrleansTraining.Silo.Audit;
using OrleansTraining.Silo.Sqlite;
using OrleansTraining.Silo.Postgres;
using OrleansTraining.TestKit;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// An in-process Orleans cluster of two silos with the domain grains. The test owns the clock: grains and reminders
/// run on a <see cref="FakeTimeProvider"/>, while the runtime's own loops (messaging, membership, directory) keep real
/// time so advancing the fake clock by weeks fires deadlines and nothing else. Calls time out after a few seconds, so a
/// deadlock fails a test quickly instead of after Orleans' default 30 s.
/// </summary>
public sealed class GrainCluster : IAsyncDisposable
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(45);

    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();
    private static readonly ConcurrentDictionary<string, IAuditLog> AuditLogs = new();
    private const string ClockKey = "Test:Clock";
    private const string StorageKey = "Test:Storage";
    private const string ConnectionKey = "Test:ConnectionString";
    private readonly string _clockId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;

    private GrainCluster(TestCluster cluster, FakeTimeProvider time, string clockId)
    {
        Cluster = cluster;
        Time = time;
        _clockId = clockId;
        _ticker = TickAsync(time, _stop.Token);
    }

    /// <summary>
    /// Lets the fake clock creep forward (a second per 50 ms) so that the reminder service's own retries and refreshes,
    /// which run on the reminders' clock, still happen; deadlines are days apart, so the creep never decides a test.
    /// </summary>
    private static async Task TickAsync(FakeTimeProvider time, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public TestCluster Cluster { get; }

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    public FakeTimeProvider Time { get; }

    public static async Task<GrainCluster> StartAsync(
        FakeTimeProvider? time = null, int silos = 2, Action<TestClusterBuilder>? configure = null, StorageKind? storage = null, string? connectionString = null,
        IAuditLog? auditLog = null)
    {
        if (storage == StorageKind.Postgres)
        {
            await new PostgresMigrator(connectionString!).MigrateAsync();
        }

        var clock = time ?? new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        var clockId = Guid.NewGuid().ToString("N");
        Clocks[clockId] = clock;
        // In memory, one log for the whole cluster (as a database would be); a test may bring its own (one that fails).
        if (auditLog is not null || storage is null)
        {
            AuditLogs[clockId] = auditLog ?? new MemoryAuditLog();
        }

        var builder = new TestClusterBuilder((short)silos);
        // One service id for every test cluster: a cluster started again on the same database finds its state and reminders.
        builder.Options.ServiceId = "grains-tests";
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ClockKey] = clockId,
            [StorageKey] = storage?.ToString(),
            [ConnectionKey] = connectionString,
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster, clock, clockId);
    }

    /// <summary>Moves the clock on and gives the reminders that fell due a moment to run.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        // Day by day, so each reminder fires at its own time rather than all at once at the end.
        var end = Time.GetUtcNow() + by;
        while (Time.GetUtcNow() < end)
        {
            var step = end - Time.GetUtcNow();
            Time.Advance(step > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : step);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The clock keeps creeping while the silos stop: parts of Orleans' shutdown wait on the injected TimeProvider,
        // and a frozen fake clock would leave them waiting forever.
        try
        {
            await Cluster.StopAllSilosAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            // A graceful stop that cannot finish must not hang the suite: every write a test made is already stored.
            foreach (var silo in Cluster.Silos.ToList())
            {
                await Cluster.KillSiloAsync(silo);
            }
        }
        finally
        {
            await _stop.CancelAsync();
            await _ticker;
            await Cluster.DisposeAsync();
            Clocks.TryRemove(_clockId, out _);
            AuditLogs.TryRemove(_clockId, out _);
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var clock = Clocks[siloBuilder.Configuration[ClockKey]!];
            var connectionString = siloBuilder.Configuration[ConnectionKey];
            switch (siloBuilder.Configuration[StorageKey])
            {
                case nameof(StorageKind.Sqlite):
                    siloBuilder.AddSqliteGrainStorage(GrainStorage.Name, connectionString!);
                    siloBuilder.UseSqliteReminderService(connectionString!);
                    siloBuilder.AddSqliteAuditLog(connectionString!);
                    break;
                case nameof(StorageKind.Postgres):
                    siloBuilder.AddAdoNetGrainStorage(GrainStorage.Name, o =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = connectionString;
                        o.GrainStorageSerializer = new OrleansTraining.Silo.Serialization.SystemTextJsonGrainStorageSerializer();
                    });
                    siloBuilder.UseAdoNetReminderService(o =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = connectionString;
                    });
                    siloBuilder.AddPostgresAuditLog(connectionString!);
                    break;
                default:
                    // The stores' own serializer, as on every node: Orleans' default (Newtonsoft) cannot read back what it wrote.
                    siloBuilder.AddMemoryGrainStorage(GrainStorage.Name, o => o.GrainStorageSerializer = new OrleansTraining.Silo.Serialization.SystemTextJsonGrainStorageSerializer());
                    siloBuilder.UseInMemoryReminderService();
                    break;
            }

            siloBuilder.Configure<MessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            siloBuilder.Configure<ReminderOptions>(o =>
            {
                // Deadlines are days or weeks away: keep them all loaded, and refresh once a (fake) day.
                o.RefreshReminderListPeriod = TimeSpan.FromDays(1);
                o.ReminderLoadingWindow = TimeSpan.FromDays(3650);
            });
            var services = siloBuilder.Services;
            services.AddTrainingGrains(siloBuilder.Configuration);
            if (AuditLogs.TryGetValue(siloBuilder.Configuration[ClockKey]!, out var auditLog))
            {
                services.AddSingleton(auditLog);
            }

            services.AddSingleton<TimeProvider>(clock);
            services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
            foreach (var key in new[] { TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
            {
                services.AddKeyedSingleton(key, TimeProvider.System);
            }
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
    }
}
