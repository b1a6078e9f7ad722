using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>A gateway with demo loading switched off: an empty system.</summary>
public sealed class EmptySqliteGatewayFixture() : GatewayFixture(StorageKind.Sqlite, demo: false);
