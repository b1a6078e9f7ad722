namespace OrleansTraining.TestKit;

/// <summary>The two databases a test host can run on: SQLite (the embedded default) or PostgreSQL (the cluster).</summary>
public enum StorageKind
{
    Sqlite,
    Postgres,
}
