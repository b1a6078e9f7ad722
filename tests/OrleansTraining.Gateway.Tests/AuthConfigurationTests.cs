using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>How the signing key and an external OpenID Connect authority are configured.</summary>
public sealed class AuthConfigurationTests
{
    [Fact]
    public async Task Outside_development_the_gateway_refuses_to_start_without_a_signing_key()
    {
        await using var factory = new GatewayFactory(
            StorageKind.Sqlite, TestDatabase.NewSqliteConnectionString(), new Dictionary<string, string?> { ["Auth:SigningKey"] = "", ["Demo:Enabled"] = "false" });

        var failure = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Auth:SigningKey", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_external_authority_our_own_tokens_still_work_and_strangers_are_refused()
    {
        await using var factory = new GatewayFactory(
            StorageKind.Sqlite,
            TestDatabase.NewSqliteConnectionString(),
            new Dictionary<string, string?> { ["Auth:Authority"] = "https://login.example.invalid/realms/training", ["Auth:Audience"] = "orleans-training" });
        var session = new GatewaySession(factory);

        var ours = await (await session.BoardAsync()).GetAsync($"/api/cycles/{Scenario.DemoCycle}");
        var stranger = session.WithToken(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://login.example.invalid/realms/training",
            Audience = "orleans-training",
            Claims = new Dictionary<string, object> { ["sub"] = "someone", ["role"] = "board" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-key-the-authority-never-published-0123456789")), SecurityAlgorithms.HmacSha256),
        }));
        var refused = await stranger.GetAsync($"/api/cycles/{Scenario.DemoCycle}");

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
