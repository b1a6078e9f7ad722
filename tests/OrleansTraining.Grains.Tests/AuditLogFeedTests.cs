using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Silo.Serialization;
using OrleansTraining.Silo.Sqlite;
using OrleansTraining.TestKit;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// The audit entries a grain records with each change reach the audit log from its state, like an outbox: each once,
/// and then they leave the state, whatever the log does meanwhile.
/// </summary>
public sealed class AuditLogFeedTests
{
    private static readonly DateOnly June = new(2027, 6, 1);

    private static Action<TestClusterBuilder> Feed(int batchSize, TimeSpan quiet, TimeSpan? retry = null) =>
        builder => builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuditLog:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
            ["AuditLog:QuietDelay"] = quiet.ToString(),
            ["AuditLog:RetryDelay"] = (retry ?? TimeSpan.FromMilliseconds(300)).ToString(),
        }));

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));

    private static string Day(int i) => June.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Entries_reach_the_log_each_once_and_leave_the_state_so_a_busy_grain_stays_small()
    {
        const int batch = 8;
        var database = TestDatabase.NewSqliteConnectionString();
        await using var silo = await GrainCluster.StartAsync(Clock(), configure: Feed(batch, TimeSpan.FromMilliseconds(200)), storage: StorageKind.Sqlite, connectionString: database);
        var id = $"l-{GrainWorld.Suffix()}";
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));

        var largest = 0;
        for (var i = 1; i <= 60; i++)
        {
            await lecturer.SetUnavailabilityAsync([June.AddDays(i)]);
            largest = Math.Max(largest, (await StoredAsync(database, id)).Pending);
        }

        await Until.Async(() => LoggedAsync(database, $"lecturer/{id}"), logged => logged.Count == 61, "all 61 entries are in the log");
        await lecturer.SetUnavailabilityAsync([]);
        var stored = await StoredAsync(database, id);
        var page = await lecturer.AsReference<IAuditedGrain>().GetAuditAsync(1, 100);

        // Without the log the state would have grown to all 62 entries; with it, it holds about a batch at most.
        Assert.InRange(largest, 1, 2 * batch);
        Assert.Equal((1, 62L), (stored.Pending, stored.Count));
        Assert.Equal(Enumerable.Range(1, 61).Select(i => (long)i), await LoggedAsync(database, $"lecturer/{id}"));
        Assert.Equal((62, 62), (page.Total, page.Entries.Length));
        Assert.Equal([new AuditChange("unavailableDates[-]", Day(60), null)], page.Entries[0].Changes.ToArray());
        Assert.Equal(
            Enumerable.Range(1, 60).Reverse().Select(Day),
            page.Entries.Skip(1).Take(60).Select(e => e.Changes.Single(c => c.Field == "unavailableDates[+]").After));
        Assert.Equal("Create", page.Entries[^1].Operation);
    }

    [Fact]
    public async Task Pages_read_the_same_trail_whether_its_entries_are_pending_in_the_state_or_in_the_log()
    {
        var log = new MemoryAuditLog();
        await using var silo = await GrainCluster.StartAsync(Clock(), configure: Feed(4, TimeSpan.FromHours(1)), auditLog: log);
        var id = $"l-{GrainWorld.Suffix()}";
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
        var audit = lecturer.AsReference<IAuditedGrain>();
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        for (var i = 1; i <= 24; i++)
        {
            await lecturer.SetUnavailabilityAsync([June.AddDays(i)]);
        }

        // Full batches went to the log; the rest (and the last batch, until the next write drops it) is in the state.
        await Until.Async(() => Task.FromResult(log.Sequences($"lecturer/{id}")), s => s.Count >= 20, "the full batches are in the log");
        var mixed = await PagesAsync(audit);
        // Deactivation appends what is still pending; a new activation reads the state it left (entries in both).
        await silo.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Until.Async(() => Task.FromResult(log.Sequences($"lecturer/{id}")), s => s.Count == 25, "the deactivated lecturer's entries are in the log");
        var logged = await PagesAsync(audit);
        for (var i = 25; i <= 27; i++)
        {
            await lecturer.SetUnavailabilityAsync([June.AddDays(i)]);
        }

        var later = await PagesAsync(audit);

        Assert.Equal(25, mixed.Count);
        Assert.Equal("Create", mixed[^1].Operation);
        Assert.Equal(Enumerable.Range(1, 24).Reverse().Select(Day), mixed.Take(24).Select(e => e.Changes.Single(c => c.Field == "unavailableDates[+]").After));
        Assert.Equal(mixed.Select(Normal), logged.Select(Normal));
        Assert.Equal(28, later.Count);
        Assert.Equal(mixed.Select(Normal), later.Skip(3).Select(Normal));
        Assert.Equal(Enumerable.Range(25, 3).Reverse().Select(Day), later.Take(3).Select(e => e.Changes.Single(c => c.Field == "unavailableDates[+]").After));
        Assert.Equal(0, log.FailedAppends);
    }

    /// <summary>The whole trail read in pages of 10, checking each page's total.</summary>
    private static async Task<List<AuditEntry>> PagesAsync(IAuditedGrain audit)
    {
        var entries = new List<AuditEntry>();
        var first = await audit.GetAuditAsync(1, 10);
        for (var page = 1; page <= (first.Total + 9) / 10 + 1; page++)
        {
            var read = await audit.GetAuditAsync(page, 10);
            Assert.Equal(first.Total, read.Total);
            entries.AddRange(read.Entries);
        }

        Assert.Equal(first.Total, entries.Count);
        return entries;
    }

    /// <summary>The entry as text, changes included, so entries compare by value (an ImmutableArray compares by reference).</summary>
    private static string Normal(AuditEntry e) =>
        string.Join("|", e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Role, e.ActsFor, e.RequestId, e.Grain, e.Operation, string.Join("; ", e.Changes));

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(5, 240)]
    [InlineData(6, 300)]
    [InlineData(40, 300)]
    public void Each_failure_in_a_row_doubles_the_wait_before_the_next_append_up_to_the_cap(int failures, int seconds)
    {
        var options = new Common.Audit.AuditLogOptions();

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.RetryAfter(failures));
    }

    [Fact]
    public async Task A_grain_whose_append_just_failed_does_not_try_again_as_it_deactivates_and_its_next_activation_stores_the_entries()
    {
        var log = new MemoryAuditLog { Failing = true };
        await using var silo = await GrainCluster.StartAsync(Clock(), configure: Feed(4, TimeSpan.FromHours(1), TimeSpan.FromHours(1)), auditLog: log);
        var (failed, quiet) = ($"l-{GrainWorld.Suffix()}", $"l-{GrainWorld.Suffix()}");
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(failed);
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        for (var i = 1; i <= 4; i++)
        {
            await lecturer.SetUnavailabilityAsync([June.AddDays(i)]);
        }

        await Until.Async(() => Task.FromResult(log.Attempts($"lecturer/{failed}")), n => n == 1, "a full batch was tried at once, and failed");
        // A lecturer whose entries wait for the quiet delay: its deactivation tries the (still failing) log.
        await silo.GrainFactory.GetGrain<ILecturerGrain>(quiet).CreateAsync(GrainWorld.Lecturer("Trần Thị B", "cadre-work"));

        await silo.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Until.Async(() => Task.FromResult(log.Attempts($"lecturer/{quiet}")), n => n == 1, "the collection deactivated the quiet lecturer, which tried the log");

        Assert.Equal(1, log.Attempts($"lecturer/{failed}"));
        log.Failing = false;
        var trail = await lecturer.AsReference<IAuditedGrain>().GetAuditAsync(1, 100);
        Assert.Equal(5, trail.Total);
        await Until.Async(() => Task.FromResult(log.Sequences($"lecturer/{failed}")), s => s.Count == 5, "the next activation stored the pending entries");
    }

    [Fact]
    public async Task While_the_log_fails_changes_are_accepted_their_entries_stay_pending_and_later_each_is_stored_once()
    {
        var log = new MemoryAuditLog { Failing = true };
        await using var silo = await GrainCluster.StartAsync(Clock(), configure: Feed(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300)), auditLog: log);
        var id = $"l-{GrainWorld.Suffix()}";
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
        var audit = lecturer.AsReference<IAuditedGrain>();
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        for (var i = 1; i <= 9; i++)
        {
            await lecturer.SetUnavailabilityAsync([June.AddDays(i)]);
        }

        await Until.Async(() => Task.FromResult(log.FailedAppends), failed => failed >= 2, "the feed tried (and retried) the failing log");
        var whileFailing = await audit.GetAuditAsync(1, 100);
        Assert.Empty(log.Sequences($"lecturer/{id}"));
        Assert.Equal(10, whileFailing.Total);
        Assert.Equal(Day(9), whileFailing.Entries[0].Changes.Single(c => c.Field == "unavailableDates[+]").After);

        log.Failing = false;
        await Until.Async(() => Task.FromResult(log.Sequences($"lecturer/{id}")), s => s.Count == 10, "the retry stored the pending entries");
        await lecturer.SetUnavailabilityAsync([June.AddDays(10)]);
        await Until.Async(() => Task.FromResult(log.Sequences($"lecturer/{id}")), s => s.Count == 11, "the next entry followed");
        var after = await audit.GetAuditAsync(1, 100);

        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), log.Sequences($"lecturer/{id}"));
        Assert.Equal(0, log.Repeats);
        Assert.Equal(11, after.Total);
        Assert.Equal(whileFailing.Entries.Select(Normal), after.Entries.Skip(1).Select(Normal));
    }

    [Fact]
    public async Task A_state_stored_with_its_whole_trail_inside_loads_and_its_entries_reach_the_log_numbered_from_the_oldest()
    {
        var database = TestDatabase.NewSqliteConnectionString();
        var id = $"l-{GrainWorld.Suffix()}";
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var old = Enumerable.Range(1, 40)
            .Select(i => new AuditEntry(at.AddMinutes(i), "board", "board", null, $"old-{i}", $"lecturer/{id}", "SetUnavailability", [new AuditChange("unavailableDates[+]", null, Day(i))]))
            .ToImmutableArray();
        await StoreOldShapeAsync(database, id, new LecturerState
        {
            FullName = "Nguyễn Văn A",
            Department = "Vụ Cán bộ",
            QualifiedTopics = ["cadre-work"],
            HomeProvince = "ha-noi",
            MaxSessionsPerCycle = 10,
            UnavailableDates = [June.AddDays(40)],
            Audit = old,
        });
        await using var silo = await GrainCluster.StartAsync(Clock(), configure: Feed(16, TimeSpan.FromMilliseconds(200)), storage: StorageKind.Sqlite, connectionString: database);
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
        var audit = lecturer.AsReference<IAuditedGrain>();

        var loaded = await audit.GetAuditAsync(1, 100);
        // Only read so far: the activation sends what it found pending all the same.
        var migrated = await Until.Async(() => LoggedAsync(database, $"lecturer/{id}"), s => s.Count == 40, "the old trail is in the log");
        await lecturer.SetUnavailabilityAsync([June.AddDays(41)]);
        var logged = await Until.Async(() => LoggedAsync(database, $"lecturer/{id}"), s => s.Count == 41, "the old trail and the new entry are in the log");
        await lecturer.SetUnavailabilityAsync([June.AddDays(42)]);
        var stored = await StoredAsync(database, id);
        var after = await audit.GetAuditAsync(1, 100);

        Assert.Equal(40, loaded.Total);
        Assert.Equal(old.Reverse().Select(Normal), loaded.Entries.Select(Normal));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), migrated);
        Assert.Equal(Enumerable.Range(1, 41).Select(i => (long)i), logged);
        Assert.Equal((1, 42L), (stored.Pending, stored.Count));
        Assert.Equal(42, after.Total);
        Assert.Equal(old.Reverse().Select(Normal), after.Entries.Skip(2).Select(Normal));
        Assert.Equal([Day(42), Day(41)], after.Entries.Take(2).Select(e => e.Changes.Single(c => c.Field == "unavailableDates[+]").After));
    }

    public static TheoryData<StorageKind> Databases => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task On_either_database_the_trail_reaches_the_audit_log_table_and_reads_the_same_after_a_restart(StorageKind storage)
    {
        var database = await FreshDatabase.CreateAsync(storage);
        var id = $"l-{GrainWorld.Suffix()}";
        var grainId = $"lecturer/{id}";
        List<string> before;
        await using (var first = await GrainCluster.StartAsync(Clock(), configure: Feed(4, TimeSpan.FromSeconds(30)), storage: storage, connectionString: database))
        {
            var lecturer = first.GrainFactory.GetGrain<ILecturerGrain>(id);
            await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
            for (var i = 1; i <= 9; i++)
            {
                await lecturer.SetUnavailabilityAsync([June.AddDays(i)]);
            }

            await Until.Async(() => LoggedAsync(storage, database, grainId), s => s.Count >= 8, "the full batches are in the table");
            before = [.. (await lecturer.AsReference<IAuditedGrain>().GetAuditAsync(1, 100)).Entries.Select(Normal)];
        }

        // Stopping the silos deactivated the lecturer, which appended the rest.
        var logged = await LoggedAsync(storage, database, grainId);
        await using var second = await GrainCluster.StartAsync(Clock(), configure: Feed(4, TimeSpan.FromSeconds(30)), storage: storage, connectionString: database);
        var after = await second.GrainFactory.GetGrain<ILecturerGrain>(id).AsReference<IAuditedGrain>().GetAuditAsync(1, 100);

        Assert.Equal(10, before.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), logged);
        Assert.Equal(10, after.Total);
        Assert.Equal(before, after.Entries.Select(Normal));
    }

    /// <summary>The sequence numbers in a database's audit log for a grain, in order.</summary>
    private static async Task<List<long>> LoggedAsync(StorageKind storage, string database, string grainId)
    {
        if (storage == StorageKind.Sqlite)
        {
            return await LoggedAsync(database, grainId);
        }

        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT sequence FROM audit_log WHERE grain_id = @id ORDER BY sequence;", connection);
        command.Parameters.AddWithValue("id", grainId);
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }

    /// <summary>Writes the lecturer's row as the code before the audit log stored it: its trail inside, no count.</summary>
    private static async Task StoreOldShapeAsync(string database, string lecturerId, LecturerState state)
    {
        await new SqliteDatabase(database).EnsureSchemaAsync();
        var json = JsonNode.Parse(new SystemTextJsonGrainStorageSerializer().Serialize(state).ToString())!.AsObject();
        json.Remove("auditCount");
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO grain_state (grain_type, grain_id, state_name, payload, version, modified_at)
            VALUES ('lecturer', $id, 'lecturer', $payload, 1, '2026-11-02T09:00:00Z');
            """;
        command.Parameters.AddWithValue("$id", lecturerId);
        command.Parameters.AddWithValue("$payload", json.ToJsonString());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The stored state's pending entries and its count of entries ever recorded, read from the file.</summary>
    private static async Task<(int Pending, long Count)> StoredAsync(string database, string lecturerId)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM grain_state WHERE grain_id = $id AND state_name = 'lecturer';";
        command.Parameters.AddWithValue("$id", lecturerId);
        var json = JsonNode.Parse((string)(await command.ExecuteScalarAsync())!)!;
        return (json["audit"]!.AsArray().Count, json["auditCount"]?.GetValue<long>() ?? 0);
    }

    /// <summary>The sequence numbers in the SQLite audit log for a grain, in order.</summary>
    private static async Task<List<long>> LoggedAsync(string database, string grainId)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence FROM audit_log WHERE grain_id = $id ORDER BY sequence;";
        command.Parameters.AddWithValue("$id", grainId);
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }
}
