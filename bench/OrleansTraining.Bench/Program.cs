using OrleansTraining.Bench.Cycle;
using OrleansTraining.Bench.Failover;
using OrleansTraining.Bench.GrainHost;
using OrleansTraining.Bench.Itc2007;
using OrleansTraining.Bench.Load;
using OrleansTraining.Bench.Startup;

// One console program, one sub-command per benchmark, so every figure in the README has a command behind it.
return args.FirstOrDefault() switch
{
    "host" => await HostBenchmark.RunAsync(args[1..]),
    "ready" => await ReadyBenchmark.RunAsync(args[1..]),
    "itc2007" => await Itc2007Command.RunAsync(args[1..]),
    "cycle" => await CycleCommand.RunAsync(args[1..]),
    "failover" => await FailoverCommand.RunAsync(args[1..]),
    "load" => await LoadCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/OrleansTraining.Bench -- <command>
          host                     grain calls/s (ours and a bare Orleans grain, in the silo and through a client) and state writes/s (SQLite; PostgreSQL when ConnectionStrings__Postgres is set)
          ready [gateway.dll]      seconds from starting the built gateway on an existing database until /health/ready answers
          itc2007 <compNN|file.ctt|all>[,...] [--seeds 1-5] [--runs r] [--seconds s] [--out dir]   ITC-2007 track 3, one thread, runs in sequence;
                                   per instance mean/min/max cost, violations, first feasible, cost at 25/50/100 % of the budget
          cycle [--scale k] [--seed n] [--seconds s] [--iterations n] [--repairs r]   generated national cycle (k=10 for 10x): time to feasible, score, repair latency
          failover [--writers n] [--before s] [--after s] [--gateway dll]   3 gateways on PostgreSQL (ConnectionStrings__Postgres), SIGKILL one under a stream of writes: failover-seconds, acknowledged writes lost
          load --nodes http://127.0.0.1:port,… | --start-cluster 3  [--clients 200] [--duration 30s] [--warmup 5s] [--max-requests n] [--log acks.jsonl] [--board-weight 1] [--idempotency-keys]
                                   the three roles' mixed flows (loopback nodes only): per operation throughput, p50/p99 latency, errors; every acknowledged write looked up again
          load --nodes … --check acks.jsonl   looks the writes of an earlier run's log up again: found / missing
        """);
    return 2;
}
