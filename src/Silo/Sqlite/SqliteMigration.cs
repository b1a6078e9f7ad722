namespace OrleansTraining.Silo.Sqlite;

/// <summary>A numbered schema change; applied once, in order, recorded in schema_migrations. Its SQL is re-runnable.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
