using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Walkthrough;

public sealed class SqliteWalkthroughTests(SqliteGatewayFixture gateway) : WalkthroughTests(gateway), IClassFixture<SqliteGatewayFixture>;
