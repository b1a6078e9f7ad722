using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;

namespace OrleansTraining.Grains.Common;

/// <summary>
/// Delivers a sender grain's recorded follow-ups until each is acknowledged: one-way at once after the write that
/// recorded them (so the sender never waits on its receiver and no call cycle can form), again on an activation timer
/// (after 2 s, then 4, 8, … up to a minute, each follow-up on its own), and on a reminder that outlives a crash of the
/// node. Receivers handle each id once. A follow-up already sent is not sent again at the sender's next writes: under
/// load a busy lecturer used to send every unacknowledged answer again at each write, and the cycle they all go to
/// drowned in copies (its queue so long that its own reminder ticks timed out).
/// The reminder is registered before the write that records the first follow-up and stays while the activation is busy:
/// it goes when one of its ticks finds nothing pending (as the cycle's own delivery reminder does), not at every
/// acknowledgement, so a grain answering many requests does not write and delete a reminder for each one.
/// </summary>
internal sealed partial class FollowUpOutbox(
    Grain grain, IGrainFactory grains, Func<ImmutableArray<FollowUp>> pending, Func<string, Task> removeAsync, ILogger logger)
{
    public const string ReminderName = "follow-ups";

    /// <summary>How often the activation sends again what is not yet acknowledged.</summary>
    public static TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The durable backstop: Orleans' minimum reminder period.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How often the wait between two sends of one follow-up doubles: at most 32 ticks (about the reminder's minute).</summary>
    private const int MaxRetryDoublings = 5;

    private IGrainTimer? _timer;

    /// <summary>Retry ticks of this activation so far.</summary>
    private long _tick;

    /// <summary>Follow-ups this activation has sent and not seen acknowledged: how often, and the tick of the next send.</summary>
    private readonly Dictionary<string, (int Sends, long DueTick)> _sent = [];

    /// <summary>The reminder is known to be registered. Anything pending means it is: it was registered before the write
    /// that recorded the first follow-up, and only a tick that finds nothing pending removes it.</summary>
    private bool _armed = !pending().IsDefaultOrEmpty;

    /// <summary>
    /// Decides a change that may record follow-ups, writes it and sends what it recorded. When the decision leaves
    /// follow-ups to send and the reminder is not registered, it is registered after deciding and before the write, so
    /// nothing stored can be left without a retry; a refused decision, or one that leaves nothing to send, registers
    /// nothing (a repeated click costs no reminder, and no second write to take it away).
    /// </summary>
    public async Task<TState> WriteAsync<TState>(
        IPersistentState<TState> state, Func<TState, TState> decide, [CallerMemberName] string operation = "")
        where TState : IFollowUpSenderState
    {
        var updated = await state.UpdateAsync(decide, ArmIfNeededAsync, operation);
        SendNew();
        return updated;
    }

    private async Task ArmIfNeededAsync<TState>(TState next)
        where TState : IFollowUpSenderState
    {
        if (!_armed && !next.Outbox.IsDefaultOrEmpty)
        {
            await grain.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            _armed = true;
        }
    }

    /// <summary>
    /// Sends (one-way) each pending follow-up this activation has not sent yet: all of them when it has just activated,
    /// the ones a write recorded after it. Those already sent wait for their retry; the timer runs while any is pending.
    /// </summary>
    public void SendNew() => Send(item => !_sent.ContainsKey(item.Id));

    /// <summary>The retry timer's tick: sends again each follow-up whose wait is over.</summary>
    private void Retry()
    {
        _tick++;
        Send(item => !_sent.TryGetValue(item.Id, out var sent) || sent.DueTick <= _tick);
    }

    private void Send(Func<FollowUp, bool> due)
    {
        var items = pending();
        foreach (var acknowledged in _sent.Keys.Where(id => !items.Any(f => f.Id == id)).ToList())
        {
            _sent.Remove(acknowledged);
        }

        if (items.IsEmpty)
        {
            return;
        }

        var self = grain.AsReference<IFollowUpSource>();
        foreach (var item in items.Where(due))
        {
            var sends = _sent.TryGetValue(item.Id, out var before) ? before.Sends + 1 : 1;
            // Due again after 1, 2, 4, … ticks of the timer, at most 32.
            _sent[item.Id] = (sends, _tick + (1L << Math.Min(sends - 1, MaxRetryDoublings)));
            try
            {
                Target(item).ReceiveFollowUpAsync(item, self).Ignore();
            }
            catch (Exception exception)
            {
                // Sending failed before it left (e.g. no silo reachable): the timer or the reminder sends it again.
                LogSendFailed(logger, exception, item.Id, item.TargetKey);
            }
        }

        _timer ??= grain.RegisterGrainTimer(
            _ =>
            {
                Retry();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(RetryDelay, RetryDelay));
    }

    /// <summary>The receiver handled it: it leaves the outbox (an unknown id does nothing).</summary>
    public async Task AcknowledgeAsync(string followUpId)
    {
        if (!pending().Any(f => f.Id == followUpId))
        {
            return;
        }

        await removeAsync(followUpId);
        Settle();
    }

    /// <summary>With nothing left to send, the retry timer stops; the reminder stays until its next tick finds nothing pending.</summary>
    public void Settle()
    {
        if (pending().IsEmpty)
        {
            _timer?.Dispose();
            _timer = null;
            _sent.Clear();
        }
    }

    /// <summary>The reminder's tick: send everything pending again, or, when nothing is pending, the reminder goes.</summary>
    public async Task OnReminderAsync()
    {
        Send(_ => true);
        if (!pending().IsEmpty)
        {
            return;
        }

        Settle();
        await grain.UnregisterIfPresentAsync(ReminderName);
        _armed = false;
    }

    private IFollowUpTarget Target(FollowUp followUp) => followUp.Kind == FollowUpKind.StopAnswered
        ? grains.GetGrain<IFieldTripGrain>(followUp.TargetKey)
        : grains.GetGrain<ICycleGrain>(followUp.TargetKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} to {Target} could not be sent; it will be sent again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string followUpId, string target);
}
