using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class ReminderTests
{
    public static TheoryData<StorageKind> AllStorage => [StorageKind.InMemory, StorageKind.Sqlite, StorageKind.Postgres];

    public static TheoryData<StorageKind> Databases => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(AllStorage))]
    public async Task A_one_shot_reminder_fires_once_when_due_on_the_fake_clock(StorageKind storage)
    {
        var time = new FakeTimeProvider();
        var log = new ProbeLog();
        await using var silo = await TestHosts.StartAsync(storage, time: time, log: log);
        var key = TestHosts.NewKey();
        var alarm = silo.GrainFactory.GetGrain<IAlarmGrain>(key);
        await alarm.SetAsync("deadline", TimeSpan.FromMinutes(10), period: null);

        time.Advance(TimeSpan.FromMinutes(9));
        await silo.Node.PollRemindersAsync();
        Assert.Equal(0, log.Count($"reminder:{key}:deadline"));

        time.Advance(TimeSpan.FromMinutes(1));
        await silo.Node.PollRemindersAsync();
        await silo.Node.PollRemindersAsync();

        Assert.Equal(1, log.Count($"reminder:{key}:deadline"));
        Assert.False(await alarm.HasReminderAsync("deadline"));
    }

    [Theory]
    [MemberData(nameof(AllStorage))]
    public async Task A_periodic_reminder_fires_each_period_until_unregistered(StorageKind storage)
    {
        var time = new FakeTimeProvider();
        var log = new ProbeLog();
        await using var silo = await TestHosts.StartAsync(storage, time: time, log: log);
        var key = TestHosts.NewKey();
        var alarm = silo.GrainFactory.GetGrain<IAlarmGrain>(key);
        await alarm.SetAsync("daily", TimeSpan.FromHours(1), TimeSpan.FromDays(1));

        for (var day = 0; day < 3; day++)
        {
            time.Advance(day == 0 ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1));
            await silo.Node.PollRemindersAsync();
        }

        await alarm.CancelAsync("daily");
        time.Advance(TimeSpan.FromDays(1));
        await silo.Node.PollRemindersAsync();

        Assert.Equal(3, log.Count($"reminder:{key}:daily"));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_reminder_that_fell_due_while_no_node_ran_fires_once_after_restart(StorageKind storage)
    {
        var database = TestHosts.SharedDatabase(storage);
        var time = new FakeTimeProvider();
        var log = new ProbeLog();
        var key = TestHosts.NewKey();
        await using (var before = await TestHosts.StartAsync(storage, database, time, log))
        {
            await before.GrainFactory.GetGrain<IAlarmGrain>(key).SetAsync("escalate", TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        }

        // Five periods pass with the system down: the tick is delivered once, not five times.
        time.Advance(TimeSpan.FromHours(5));
        await using var after = await TestHosts.StartAsync(storage, database, time, log);
        await after.Node.PollRemindersAsync();
        await after.Node.PollRemindersAsync();

        Assert.Equal(1, log.Count($"reminder:{key}:escalate"));
        Assert.True(await after.GrainFactory.GetGrain<IAlarmGrain>(key).HasReminderAsync("escalate"));
    }

    [Fact]
    public async Task With_two_nodes_on_one_PostgreSQL_each_tick_is_delivered_once()
    {
        var database = await PostgresAdmin.CreateDatabaseAsync();
        var time = new FakeTimeProvider();
        var log = new ProbeLog();
        await using var nodeA = await TestHosts.StartAsync(StorageKind.Postgres, database, time, log);
        await using var nodeB = await TestHosts.StartAsync(StorageKind.Postgres, database, time, log);
        var keys = Enumerable.Range(0, 40).Select(_ => TestHosts.NewKey()).ToArray();
        foreach (var key in keys)
        {
            await nodeA.GrainFactory.GetGrain<IAlarmGrain>(key).SetAsync("due", TimeSpan.FromMinutes(1), period: null);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        var delivered = await Task.WhenAll(nodeA.Node.PollRemindersAsync(), nodeB.Node.PollRemindersAsync());

        Assert.Equal(keys.Length, delivered.Sum());
        Assert.All(keys, key => Assert.Equal(1, log.Count($"reminder:{key}:due")));
    }
}
