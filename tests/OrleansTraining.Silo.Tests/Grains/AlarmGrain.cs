using OrleansTraining.Silo;

namespace OrleansTraining.Silo.Tests.Grains;

public interface IAlarmGrain : IGrainWithStringKey
{
    Task SetAsync(string name, TimeSpan dueIn, TimeSpan? period);

    Task CancelAsync(string name);

    Task<bool> HasReminderAsync(string name);
}

public sealed class AlarmGrain(ProbeLog log) : Grain, IAlarmGrain, IRemindable
{
    public Task SetAsync(string name, TimeSpan dueIn, TimeSpan? period) => RegisterOrUpdateReminderAsync(name, dueIn, period);

    public Task CancelAsync(string name) => UnregisterReminderAsync(name);

    public async Task<bool> HasReminderAsync(string name) => await GetReminderAsync(name) is not null;

    public Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        log.Add($"reminder:{GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
