using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;

namespace OrleansTraining.Grains.Common;

/// <summary>
/// Delivers a sender grain's recorded follow-ups until each is acknowledged: one-way at once after the write that
/// recorded them (so the sender never waits on its receiver and no call cycle can form), again every few seconds on
/// an activation timer, and on a reminder that outlives a crash of the node. Receivers handle each id once.
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

    private IGrainTimer? _timer;

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
        SendAll();
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

    /// <summary>Sends every pending follow-up (one-way) and keeps the retry timer running while any is pending.</summary>
    public void SendAll()
    {
        var items = pending();
        if (items.IsEmpty)
        {
            return;
        }

        var self = grain.AsReference<IFollowUpSource>();
        foreach (var item in items)
        {
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
                SendAll();
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
        }
    }

    /// <summary>The reminder's tick: send again, or, when nothing is pending, the reminder goes.</summary>
    public async Task OnReminderAsync()
    {
        SendAll();
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
