namespace OrleansTraining.Bench.Host;

internal static class HostBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.WriteLine("host benchmark: not written yet");
        return Task.FromResult(1);
    }
}
