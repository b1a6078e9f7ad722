namespace OrleansTraining.Silo.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Start(TimeSpan dueTime, TimeSpan period);
}
