using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using OrleansTraining.Silo.Serialization;
using OrleansTraining.Silo.Sqlite;
using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;
using SystemTextJsonGrainStorageSerializer = OrleansTraining.Silo.Serialization.SystemTextJsonGrainStorageSerializer;

namespace OrleansTraining.Silo.Tests;

public sealed class SqliteGrainStorageTests
{
    private readonly string _connectionString = TestDatabase.NewSqliteConnectionString();
    private readonly GrainId _grainId = GrainId.Create(CounterGrain.TypeName, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_written_state_reads_back_equal_including_immutable_collections_and_enums()
    {
        var storage = NewStorage();
        var written = new GrainState<CounterState>(new CounterState
        {
            Value = 7,
            ByCaller = ImmutableDictionary<string, int>.Empty.Add("a", 3).Add("b", 4),
            Mood = CounterMood.Busy,
        });
        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, written);

        var read = new GrainState<CounterState>();
        await NewStorage().ReadStateAsync(CounterGrain.StateName, _grainId, read);

        Assert.Equal(7, read.State!.Value);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 4 }, read.State!.ByCaller);
        Assert.Equal(CounterMood.Busy, read.State!.Mood);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task State_is_stored_as_camel_case_json_with_enum_names()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, new GrainState<CounterState>(new CounterState { Value = 2, Mood = CounterMood.Busy }));

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM grain_state";
        var payload = (string)(await command.ExecuteScalarAsync())!;

        Assert.Contains("\"value\":2", payload, StringComparison.Ordinal);
        Assert.Contains("\"mood\":\"Busy\"", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordExists_is_false_before_a_write_true_after_it_and_false_after_a_clear()
    {
        var storage = NewStorage();
        var state = new GrainState<CounterState>();

        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);

        state.State!.Value = 1;
        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, state);
        Assert.True(state.RecordExists);

        var reread = new GrainState<CounterState>();
        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, reread);
        Assert.True(reread.RecordExists);

        await storage.ClearStateAsync(CounterGrain.StateName, _grainId, reread);
        Assert.False(reread.RecordExists);
        Assert.Equal(0, reread.State!.Value);

        var afterClear = new GrainState<CounterState>();
        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(0, afterClear.State!.Value);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_InconsistentStateException_naming_both_etags()
    {
        var storage = NewStorage();
        var current = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, current);
        var stale = new GrainState<CounterState>();
        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, stale);

        current.State!.Value = 2;
        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, current);

        stale.State!.Value = 99;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(CounterGrain.StateName, _grainId, stale));
        Assert.Equal(current.ETag, conflict.StoredEtag);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);

        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, read);
        Assert.Equal(2, read.State!.Value);
    }

    [Fact]
    public async Task A_first_write_from_a_copy_that_never_saw_the_row_is_rejected()
    {
        var storage = NewStorage();
        var first = new GrainState<CounterState>();
        var second = new GrainState<CounterState>();
        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, first);
        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, second);

        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, first);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(CounterGrain.StateName, _grainId, second));
        Assert.Null(conflict.CurrentEtag);
        Assert.Equal(first.ETag, conflict.StoredEtag);
    }

    [Fact]
    public async Task Clearing_keeps_the_version_so_etags_never_repeat_and_old_copies_stay_stale()
    {
        var storage = NewStorage();
        var state = new GrainState<CounterState>(new CounterState { Value = 1 });
        var etags = new List<string?>();

        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, state);
        etags.Add(state.ETag);
        var beforeClear = new GrainState<CounterState>();
        await storage.ReadStateAsync(CounterGrain.StateName, _grainId, beforeClear);

        await storage.ClearStateAsync(CounterGrain.StateName, _grainId, state);
        etags.Add(state.ETag);
        state.State!.Value = 5;
        await storage.WriteStateAsync(CounterGrain.StateName, _grainId, state);
        etags.Add(state.ETag);
        await storage.ClearStateAsync(CounterGrain.StateName, _grainId, state);
        etags.Add(state.ETag);

        Assert.All(etags, Assert.NotNull);
        Assert.Equal(etags.Count, etags.Distinct().Count());
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(CounterGrain.StateName, _grainId, beforeClear));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(CounterGrain.StateName, _grainId, beforeClear));
    }

    [Fact]
    public async Task Migrations_are_recorded_once_however_often_storage_opens_the_file()
    {
        await NewStorage().ReadStateAsync(CounterGrain.StateName, _grainId, new GrainState<CounterState>());
        await NewStorage().ReadStateAsync(CounterGrain.StateName, _grainId, new GrainState<CounterState>());

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_migrations";
        Assert.Equal((long)SqliteSchema.Migrations.Count, (long)(await command.ExecuteScalarAsync())!);
    }

    // A new SqliteDatabase each time: like another process, it shares only the file.
    private SqliteGrainStorage NewStorage() => new(
        TrainingSilo.StorageName,
        new SqliteDatabase(_connectionString),
        new SystemTextJsonGrainStorageSerializer(),
        NullLogger<SqliteGrainStorage>.Instance);
}
