using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Restart;

public sealed class PostgresRestartTests() : RestartTests(StorageKind.Postgres);
