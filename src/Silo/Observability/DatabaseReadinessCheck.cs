using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrleansTraining.Silo.Configuration;

namespace OrleansTraining.Silo.Observability;

/// <summary>Ready when the configured database answers <c>SELECT 1</c> within a short timeout.</summary>
internal sealed class DatabaseReadinessCheck : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly IServiceProvider _services;

    public DatabaseReadinessCheck(IServiceProvider services)
    {
        _services = services;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Registered by AddTrainingSilo / AddTrainingClient.
        var settings = _services.GetService<SiloSettings>();
        if (settings is null)
        {
            return HealthCheckResult.Unhealthy("No silo or client configuration (AddTrainingSilo / AddTrainingClient) in this process.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await (settings.Provider == StorageProvider.Postgres
                ? PingPostgresAsync(settings.PostgresConnectionString!, timeout.Token)
                : PingSqliteAsync(settings.SqliteConnectionString, timeout.Token)).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{settings.Provider} answers.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{settings.Provider} does not answer.", exception);
        }
    }

    private static async Task PingPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task PingSqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Mode=ReadWrite: never create an empty file just to answer a health probe.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 3 };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
