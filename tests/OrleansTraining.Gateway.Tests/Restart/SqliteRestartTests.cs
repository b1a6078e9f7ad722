using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Restart;

public sealed class SqliteRestartTests() : RestartTests(StorageKind.Sqlite);
