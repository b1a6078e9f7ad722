using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Silo.Audit;
using OrleansTraining.Silo.Postgres;
using OrleansTraining.Silo.Sqlite;
using OrleansTraining.TestKit;

namespace OrleansTraining.Grains.Tests;

/// <summary>The audit log's two stores, SQLite and PostgreSQL (real databases), keep the same contract.</summary>
public sealed class AuditLogStoreTests
{
    public static TheoryData<StorageKind> Databases => [StorageKind.Sqlite, StorageKind.Postgres];

    private static readonly DateTimeOffset Start = new(2027, 3, 1, 7, 45, 12, 345, TimeSpan.Zero);

    private static async Task<IAuditLog> NewLogAsync(StorageKind storage)
    {
        if (storage == StorageKind.Sqlite)
        {
            // The table comes with the file's schema, created on first use.
            return new SqliteAuditLog(new SqliteDatabase(TestDatabase.NewSqliteConnectionString()));
        }

        var database = await TestDatabase.NewPostgresDatabaseAsync();
        await new PostgresMigrator(database).MigrateAsync();
        return new PostgresAuditLog(database);
    }

    private static AuditEntry Entry(int i, string? tag = null) => new(
        Start.AddMinutes(i),
        $"gv-{i}",
        "lecturer",
        i % 2 == 0 ? null : "l-1",
        i % 3 == 0 ? null : $"req-{i}{tag}",
        "lecturer/l-1",
        "SetUnavailability",
        [new AuditChange("unavailableDates[+]", null, $"2027-06-{i:00}"), new AuditChange("department", "Vụ Cán bộ", "Vụ Tổ chức \"mới\" …")]);

    private static string Text(AuditEntry e) =>
        string.Join("|", e.At.ToString("O"), e.Actor, e.Role, e.ActsFor, e.RequestId, e.Grain, e.Operation, string.Join("; ", e.Changes));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_batch_sent_again_stores_each_entry_once_and_keeps_what_was_stored_first(StorageKind storage)
    {
        var log = await NewLogAsync(storage);

        await log.AppendAsync("lecturer/l-1", 1, [.. Enumerable.Range(1, 3).Select(i => Entry(i))]);
        await log.AppendAsync("lecturer/l-1", 2, [.. Enumerable.Range(2, 4).Select(i => Entry(i, "-again"))]);
        var page = await log.ReadAsync("lecturer/l-1", long.MaxValue, 0, 100);

        Assert.Equal(5, page.Total);
        Assert.Equal(
            [.. Enumerable.Range(4, 2).Select(i => Entry(i, "-again")).Concat(Enumerable.Range(1, 3).Select(i => Entry(i))).OrderByDescending(e => e.At).Select(Text)],
            page.Entries.Select(Text));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_grains_entries_read_newest_first_in_pages_below_a_sequence_with_their_total(StorageKind storage)
    {
        var log = await NewLogAsync(storage);
        await log.AppendAsync("lecturer/l-1", 1, [.. Enumerable.Range(1, 12).Select(i => Entry(i))]);
        await log.AppendAsync("lecturer/l-2", 1, [Entry(99)]);

        var second = await log.ReadAsync("lecturer/l-1", 13, 5, 5);
        var below = await log.ReadAsync("lecturer/l-1", 10, 0, 4);
        var countOnly = await log.ReadAsync("lecturer/l-1", 13, 0, 0);
        var beyond = await log.ReadAsync("lecturer/l-1", 13, 12, 5);
        var none = await log.ReadAsync("lecturer/nobody", 13, 0, 5);

        Assert.Equal(12, second.Total);
        Assert.Equal(Enumerable.Range(3, 5).Reverse().Select(i => Text(Entry(i))), second.Entries.Select(Text));
        Assert.Equal(9, below.Total);
        Assert.Equal(Enumerable.Range(6, 4).Reverse().Select(i => Text(Entry(i))), below.Entries.Select(Text));
        Assert.Equal((12, 0), (countOnly.Total, countOnly.Entries.Length));
        Assert.Equal((12, 0), (beyond.Total, beyond.Entries.Length));
        Assert.Equal((0, 0), (none.Total, none.Entries.Length));
    }
}
