using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>
/// Where the signing key comes from: configuration or a key file outside the repository; Development alone may
/// generate one, and no other environment accepts that generated key or starts without a key.
/// </summary>
public sealed class SigningKeySourceTests : IDisposable
{
    private const string OwnKey = "a-key-of-our-own-kept-outside-the-repository-0123456789";
    private readonly string _root = Directory.CreateTempSubdirectory("signing-key-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private SigningKeyStore Store(string environment, AuthSettings settings) =>
        new(Options.Create(settings), new HostingEnvironment { EnvironmentName = environment, ContentRootPath = _root }, NullLogger<SigningKeyStore>.Instance);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_key_may_come_from_a_key_file()
    {
        var file = WriteFile("signing.key", OwnKey + "\n");

        var key = Store(Environments.Production, new AuthSettings { SigningKeyFile = file }).Key;

        Assert.Equal(Encoding.UTF8.GetBytes(OwnKey), key.Key);
    }

    [Fact]
    public void A_key_file_that_does_not_exist_stops_the_start_naming_the_setting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Store(Environments.Production, new AuthSettings { SigningKeyFile = Path.Combine(_root, "missing.key") }).Key);

        Assert.Contains("Auth:SigningKeyFile", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_and_a_key_file_together_are_refused()
    {
        var file = WriteFile("signing.key", OwnKey);

        Assert.Throws<InvalidOperationException>(() => Store(Environments.Production, new AuthSettings { SigningKey = OwnKey, SigningKeyFile = file }).Key);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Store(Environments.Production, new AuthSettings { SigningKey = "too-short" }).Key);
    }

    [Fact]
    public void Development_generates_its_key_once_and_production_refuses_that_key_from_configuration_or_from_its_file()
    {
        var generated = Store(Environments.Development, new AuthSettings()).Key;
        var again = Store(Environments.Development, new AuthSettings()).Key;
        var developmentKey = File.ReadAllText(Path.Combine(_root, "data", "jwt-signing-key")).Trim();

        Assert.Equal(generated.Key, again.Key);
        var fromConfiguration = Assert.Throws<InvalidOperationException>(() => Store(Environments.Production, new AuthSettings { SigningKey = developmentKey }).Key);
        var fromFile = Assert.Throws<InvalidOperationException>(() =>
            Store(Environments.Production, new AuthSettings { SigningKeyFile = Path.Combine(_root, "data", "jwt-signing-key") }).Key);
        Assert.Contains("development key", fromConfiguration.Message, StringComparison.Ordinal);
        Assert.Contains("development key", fromFile.Message, StringComparison.Ordinal);
        // Development itself may be given the same key explicitly.
        Assert.NotNull(Store(Environments.Development, new AuthSettings { SigningKey = developmentKey }).Key);
    }

    [Fact]
    public void Outside_development_no_key_stops_the_start()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Store(Environments.Production, new AuthSettings()).Key);

        Assert.Contains("Auth:SigningKey", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "data", "jwt-signing-key")));
    }

    [Fact]
    public async Task A_gateway_in_production_with_the_development_key_refuses_to_start()
    {
        var developmentKey = "generated-on-a-developers-machine-0123456789abcdef";
        var file = WriteFile("dev-key", developmentKey);
        await using var factory = new GatewayFactory(
            StorageKind.Sqlite,
            TestDatabase.NewSqliteConnectionString(),
            new Dictionary<string, string?>
            {
                ["environment"] = Environments.Production,
                ["Auth:SigningKey"] = developmentKey,
                ["Auth:DevelopmentKeyFile"] = file,
                ["Demo:Enabled"] = "false",
            });

        var failure = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("development key", failure.ToString(), StringComparison.Ordinal);
    }
}
