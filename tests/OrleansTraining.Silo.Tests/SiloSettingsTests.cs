using System.Net;
using Microsoft.Extensions.Configuration;
using OrleansTraining.Silo.Configuration;

namespace OrleansTraining.Silo.Tests;

public sealed class SiloSettingsTests
{
    [Fact]
    public void Defaults_are_a_local_sqlite_silo()
    {
        var settings = SiloSettings.From(Configuration());

        Assert.Equal(StorageProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=data/orleans-training.db", settings.SqliteConnectionString);
        Assert.Equal("orleans-training", settings.ClusterId);
        Assert.Equal("orleans-training", settings.ServiceId);
        Assert.Equal(11111, settings.SiloPort);
        Assert.Equal(30000, settings.GatewayPort);
        Assert.Equal(IPAddress.Loopback, settings.AdvertisedIPAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ResponseTimeout);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("POSTGRES")]
    [InlineData("Postgres")]
    public void The_provider_is_case_insensitive(string provider)
    {
        var settings = SiloSettings.From(Configuration(("Storage:Provider", provider), ("ConnectionStrings:Postgres", "Host=db")));

        Assert.Equal(StorageProvider.Postgres, settings.Provider);
        Assert.Equal("Host=db", settings.ConnectionString);
    }

    [Theory]
    [InlineData("Mongo")]
    [InlineData("1")]
    public void An_unknown_provider_is_rejected_naming_the_key(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloSettings.From(Configuration(("Storage:Provider", provider))));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_rejected_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloSettings.From(Configuration(("Storage:Provider", "Postgres"))));

        Assert.Contains("ConnectionStrings:Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_values_are_read()
    {
        var settings = SiloSettings.From(Configuration(
            ("Orleans:ClusterId", "c1"),
            ("Orleans:ServiceId", "s1"),
            ("Orleans:SiloPort", "12000"),
            ("Orleans:GatewayPort", "31000"),
            ("Orleans:AdvertisedIPAddress", "10.0.0.5"),
            ("Orleans:ResponseTimeout", "00:00:04")));

        Assert.Equal(("c1", "s1", 12000, 31000), (settings.ClusterId, settings.ServiceId, settings.SiloPort, settings.GatewayPort));
        Assert.Equal(IPAddress.Parse("10.0.0.5"), settings.AdvertisedIPAddress);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.ResponseTimeout);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
