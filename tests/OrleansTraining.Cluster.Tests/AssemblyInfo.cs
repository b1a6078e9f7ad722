// Each test class starts three gateway processes; two clusters at once would only compete for the CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
