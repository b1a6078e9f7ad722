using OrleansTraining.Bench.GrainHost;

// One console program, one sub-command per benchmark, so every figure in the README has a command behind it.
return args.FirstOrDefault() switch
{
    "host" => await HostBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/OrleansTraining.Bench -- <command>
          host                     grain calls/s and state writes/s (SQLite; PostgreSQL when ConnectionStrings__Postgres is set)
        """);
    return 2;
}
