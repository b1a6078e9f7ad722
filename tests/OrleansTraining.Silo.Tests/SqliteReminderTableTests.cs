using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansTraining.Silo.Sqlite;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class SqliteReminderTableTests
{
    private readonly string _connectionString = TestDatabase.NewSqliteConnectionString();

    [Fact]
    public async Task Upsert_read_update_and_remove_follow_the_etag()
    {
        var table = NewTable();
        await table.StartAsync();
        var grain = NewGrainId();
        var start = new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc);

        var first = await table.UpsertRow(Entry(grain, "daily", start, TimeSpan.FromDays(1)));
        Assert.False(string.IsNullOrEmpty(first));

        var row = await table.ReadRow(grain, "daily");
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("daily", row.ReminderName);
        Assert.Equal(start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromDays(1), row.Period);
        Assert.Equal(first, row.ETag);

        var second = await table.UpsertRow(Entry(grain, "daily", start.AddHours(1), TimeSpan.FromHours(12)));
        Assert.NotEqual(first, second);
        var updated = await table.ReadRow(grain, "daily");
        Assert.Equal(TimeSpan.FromHours(12), updated!.Period);
        Assert.Equal(start.AddHours(1), updated.StartAt);

        await table.UpsertRow(Entry(grain, "weekly", start, TimeSpan.FromDays(7)));
        await table.UpsertRow(Entry(NewGrainId(), "daily", start, TimeSpan.FromDays(1)));
        var rows = await table.ReadRows(grain);
        Assert.Equal(["daily", "weekly"], rows.Reminders.Select(r => r.ReminderName).Order());

        Assert.False(await table.RemoveRow(grain, "daily", first!));
        Assert.True(await table.RemoveRow(grain, "daily", second!));
        Assert.Null(await table.ReadRow(grain, "daily"));
        Assert.False(await table.RemoveRow(grain, "daily", second!));
    }

    [Fact]
    public async Task Range_reads_return_the_hashes_in_begin_exclusive_end_inclusive_and_wrap_past_zero()
    {
        var table = NewTable();
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrainId()).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        uint low = hashes[5], high = hashes[30];

        // Plain range: (low, high] includes high, not low.
        await AssertRange(low, high, h => h > low && h <= high);
        // Wrap-around: begin above end means (begin, max] plus [0, end].
        await AssertRange(high, low, h => h > high || h <= low);
        // Begin equal to end is the whole ring.
        await AssertRange(low, low, _ => true);
        await AssertRange(0, uint.MaxValue, h => h > 0);

        async Task AssertRange(uint begin, uint end, Func<uint, bool> expected)
        {
            var rows = await table.ReadRows(begin, end);
            var expectedIds = grains.Where(g => expected(g.GetUniformHashCode())).Select(g => g.ToString()).Order();
            Assert.Equal(expectedIds, rows.Reminders.Select(r => r.GrainId.ToString()).Order());
        }
    }

    [Fact]
    public async Task Rows_are_scoped_to_the_service_and_cleared_per_service()
    {
        var mine = NewTable("service-a");
        var theirs = NewTable("service-b");
        var grain = NewGrainId();
        await mine.UpsertRow(Entry(grain, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        await theirs.UpsertRow(Entry(grain, "r", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        await mine.TestOnlyClearTable();

        Assert.Empty((await mine.ReadRows(grain)).Reminders);
        Assert.Single((await theirs.ReadRows(grain)).Reminders);
        Assert.Single((await theirs.ReadRows(0, 0)).Reminders);
    }

    private SqliteReminderTable NewTable(string serviceId = "svc") =>
        new(new SqliteDatabase(_connectionString), Options.Create(new ClusterOptions { ClusterId = "c", ServiceId = serviceId }));

    private static GrainId NewGrainId() => GrainId.Create("test-reminder", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, DateTime start, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start, Period = period };
}
