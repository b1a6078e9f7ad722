using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

public sealed class PostgresGatewayFixture() : GatewayFixture(StorageKind.Postgres);
