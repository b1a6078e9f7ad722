namespace OrleansTraining.Silo.Configuration;

/// <summary>Where cluster membership, grain state and reminders live.</summary>
public enum StorageProvider
{
    /// <summary>One local file; a single silo with localhost clustering.</summary>
    Sqlite,

    /// <summary>Orleans' ADO.NET providers on PostgreSQL; any number of silos.</summary>
    Postgres,
}
