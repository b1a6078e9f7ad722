namespace OrleansTraining.Silo;

/// <summary>Implemented by grains that register durable reminders.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminderAsync(string reminderName, TickStatus status);
}

/// <summary>What a reminder tick knows: when it first fell due, its period (null for a one-shot), and when this tick fell due.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan? Period, DateTimeOffset CurrentTickTime);

/// <summary>A registered durable reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }

    DateTimeOffset DueAt { get; }

    TimeSpan? Period { get; }
}

/// <summary>An activation-local timer; its callbacks run as turns of the grain and stop with the activation.</summary>
public interface IGrainTimer : IDisposable
{
    void Change(TimeSpan dueTime, TimeSpan period);
}
