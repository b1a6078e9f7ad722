using System.Net;
using Microsoft.Extensions.Configuration;

namespace OrleansTraining.Silo.Configuration;

/// <summary>The silo's and the client's settings, read from configuration (keys in README.md).</summary>
public sealed class SiloSettings
{
    public const string DefaultSqliteConnectionString = "Data Source=data/orleans-training.db";
    public const string DefaultClusterId = "orleans-training";
    public const string DefaultServiceId = "orleans-training";

    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    public string SqliteConnectionString { get; init; } = DefaultSqliteConnectionString;

    /// <summary>Required (and only read) when <see cref="Provider"/> is Postgres.</summary>
    public string? PostgresConnectionString { get; init; }

    public string ClusterId { get; init; } = DefaultClusterId;

    public string ServiceId { get; init; } = DefaultServiceId;

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public IPAddress AdvertisedIPAddress { get; init; } = IPAddress.Loopback;

    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The connection string of the configured provider.</summary>
    public string ConnectionString => Provider == StorageProvider.Postgres
        ? PostgresConnectionString!
        : SqliteConnectionString;

    public static SiloSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ParseProvider(configuration["Storage:Provider"]);
        var postgres = configuration.GetConnectionString("Postgres");
        if (provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException(
                "Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
        }

        return new SiloSettings
        {
            Provider = provider,
            SqliteConnectionString = NonEmpty(configuration.GetConnectionString("Sqlite")) ?? DefaultSqliteConnectionString,
            PostgresConnectionString = postgres,
            ClusterId = NonEmpty(configuration["Orleans:ClusterId"]) ?? DefaultClusterId,
            ServiceId = NonEmpty(configuration["Orleans:ServiceId"]) ?? DefaultServiceId,
            SiloPort = configuration.GetValue("Orleans:SiloPort", 11111),
            GatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000),
            AdvertisedIPAddress = ParseAddress(configuration["Orleans:AdvertisedIPAddress"]),
            ResponseTimeout = configuration.GetValue("Orleans:ResponseTimeout", TimeSpan.FromSeconds(30)),
        };
    }

    private static StorageProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageProvider.Sqlite;
        }

        // Enum.TryParse alone would also accept numbers such as "1".
        if (!int.TryParse(value, out _) && Enum.TryParse<StorageProvider>(value.Trim(), ignoreCase: true, out var provider))
        {
            return provider;
        }

        throw new InvalidOperationException(
            $"Storage:Provider must be 'Sqlite' or 'Postgres' (case-insensitive), not '{value}'.");
    }

    private static IPAddress ParseAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"Orleans:AdvertisedIPAddress is not an IP address: '{value}'.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
