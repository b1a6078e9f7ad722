namespace OrleansTraining.Silo.Postgres;

/// <summary>One embedded, numbered, re-runnable SQL file under Postgres/Migrations (e.g. 0002_clustering.sql).</summary>
public sealed record PostgresMigration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "OrleansTraining.Silo.Postgres.Migrations.";

    /// <summary>The migrations shipped in this assembly, in order.</summary>
    public static IReadOnlyList<PostgresMigration> All { get; } = Load();

    private static PostgresMigration[] Load()
    {
        var assembly = typeof(PostgresMigration).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[ResourcePrefix.Length..^".sql".Length];
                var separator = fileName.IndexOf('_', StringComparison.Ordinal);
                var version = int.Parse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new PostgresMigration(version, fileName[(separator + 1)..], reader.ReadToEnd());
            })
            .OrderBy(migration => migration.Version)
            .ToArray();
    }
}
