namespace OrleansTraining.Gateway.Hosting;

/// <summary>Configuration "Storage:Provider": where grain state lives.</summary>
public static class StorageSettings
{
    public const string ProviderKey = "Storage:Provider";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    public const string DefaultSqliteConnectionString = "Data Source=data/orleans-training.db";
}
