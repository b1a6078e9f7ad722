namespace OrleansTraining.Silo.Tests.Grains;

/// <summary>Counts its reminder ticks in <see cref="ReminderLog"/>, which outlives the silo that fired them.</summary>
[GrainType("test-reminder")]
public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    public const string ReminderName = "tick";

    public Task Start(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderLog.Record(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}
