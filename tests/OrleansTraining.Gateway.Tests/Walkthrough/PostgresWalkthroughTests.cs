using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Walkthrough;

public sealed class PostgresWalkthroughTests(PostgresGatewayFixture gateway) : WalkthroughTests(gateway), IClassFixture<PostgresGatewayFixture>;
