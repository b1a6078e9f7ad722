namespace OrleansTraining.Silo.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment(string caller);

    Task<int> Get();

    Task<int> GetByCaller(string caller);

    Task Deactivate();
}
