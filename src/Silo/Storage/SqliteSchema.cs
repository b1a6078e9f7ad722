namespace OrleansTraining.Silo.Storage;

internal static class SqliteSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "grain state", """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                state_name TEXT NOT NULL,
                payload TEXT NULL,
                version INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)
            ) WITHOUT ROWID;
            """),
        new(2, "durable reminders", """
            CREATE TABLE IF NOT EXISTS grain_reminders (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                name TEXT NOT NULL,
                first_due_ms INTEGER NOT NULL,
                due_ms INTEGER NOT NULL,
                period_ms INTEGER NULL,
                version INTEGER NOT NULL,
                lease_owner TEXT NULL,
                lease_until_ms INTEGER NULL,
                PRIMARY KEY (grain_type, grain_key, name)
            );
            CREATE INDEX IF NOT EXISTS grain_reminders_due ON grain_reminders (due_ms);
            """),
    ];
}
