namespace OrleansTraining.Silo.Storage;

/// <summary>A numbered schema change; applied once, in order, recorded in schema_migrations.</summary>
public sealed record Migration(int Version, string Description, string Sql);
