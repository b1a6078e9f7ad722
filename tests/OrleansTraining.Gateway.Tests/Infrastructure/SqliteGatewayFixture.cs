using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

public sealed class SqliteGatewayFixture() : GatewayFixture(StorageKind.Sqlite);
