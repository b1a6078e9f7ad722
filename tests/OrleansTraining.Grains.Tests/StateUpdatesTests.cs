using Orleans.Runtime;
using Orleans.Storage;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Tests;

/// <summary>A grain whose write fails keeps the state it last read, so a retry decides again on the stored state.</summary>
public sealed class StateUpdatesTests
{
    [Fact]
    public async Task A_failed_write_leaves_the_previous_state()
    {
        var state = new ScriptedState { OnWrite = () => throw new TimeoutException("the database is down") };

        await Assert.ThrowsAsync<TimeoutException>(() => state.UpdateAsync(n => n + 1));

        Assert.Equal(0, state.State);
    }

    [Fact]
    public async Task A_conflict_whose_re_read_fails_leaves_the_previous_state_not_the_unwritten_decision()
    {
        // Another node wrote first, and the database went down before the fresh state could be read.
        var state = new ScriptedState
        {
            OnWrite = () => throw new InconsistentStateException("the stored version changed"),
            OnRead = () => throw new TimeoutException("the database is down"),
        };

        await Assert.ThrowsAsync<TimeoutException>(() => state.UpdateAsync(n => n + 1));

        Assert.Equal(0, state.State);
    }

    [Fact]
    public async Task After_a_conflict_the_decision_is_made_again_on_the_stored_state()
    {
        var writes = 0;
        var state = new ScriptedState();
        state.OnWrite = () =>
        {
            if (writes++ == 0)
            {
                throw new InconsistentStateException("the stored version changed");
            }
        };
        state.OnRead = () => state.State = 10;

        Assert.Equal(11, await state.UpdateAsync(n => n + 1));
        Assert.Equal(11, state.State);
    }

    [Fact]
    public async Task While_a_decision_is_being_written_readers_see_the_stored_state_and_the_decision_once_stored()
    {
        var stored = new TaskCompletionSource();
        var state = new ScriptedState { Writing = () => stored.Task };

        var update = state.UpdateAsync(n => n + 1);

        Assert.Equal(1, state.State);
        Assert.Equal(0, state.Committed());
        stored.SetResult();
        await update;
        Assert.Equal(1, state.Committed());
    }

    [Fact]
    public async Task A_decision_whose_write_fails_is_never_shown_to_readers()
    {
        var stored = new TaskCompletionSource();
        var state = new ScriptedState { Writing = () => stored.Task };

        var update = state.UpdateAsync(n => n + 1);
        stored.SetException(new TimeoutException("the database is down"));

        await Assert.ThrowsAsync<TimeoutException>(() => update);
        Assert.Equal(0, state.Committed());
        Assert.Equal(0, state.State);
    }

    private sealed class ScriptedState : IPersistentState<int>
    {
        public Action OnWrite { get; set; } = () => { };

        public Func<Task> Writing { get; set; } = () => Task.CompletedTask;

        public Action OnRead { get; set; } = () => { };

        public int State { get; set; }

        public string? Etag => null;

        public bool RecordExists => true;

        public Task ClearStateAsync() => Task.CompletedTask;

        public Task WriteStateAsync()
        {
            OnWrite();
            return Writing();
        }

        public Task ReadStateAsync()
        {
            OnRead();
            return Task.CompletedTask;
        }
    }
}
