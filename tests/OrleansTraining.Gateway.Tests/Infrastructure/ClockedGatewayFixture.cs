using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>The demo gateway on SQLite, for tests that move the grains' clock (see <see cref="GatewayFixture.Clock"/>).</summary>
public sealed class ClockedGatewayFixture() : GatewayFixture(StorageKind.Sqlite);
