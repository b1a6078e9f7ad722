namespace OrleansTraining.Silo.Sqlite;

/// <summary>The SQLite schema, as numbered migrations. Never edit a released one: add the next number.</summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "grain state", """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL,
                grain_id TEXT NOT NULL,
                state_name TEXT NOT NULL,
                payload TEXT NULL,
                version INTEGER NOT NULL,
                modified_at TEXT NOT NULL,
                PRIMARY KEY (grain_type, grain_id, state_name)
            ) WITHOUT ROWID;
            """),
        new(2, "reminders", """
            CREATE TABLE IF NOT EXISTS reminders (
                service_id TEXT NOT NULL,
                grain_id TEXT NOT NULL,
                reminder_name TEXT NOT NULL,
                start_at_ticks INTEGER NOT NULL,
                period_ticks INTEGER NOT NULL,
                grain_hash INTEGER NOT NULL,
                etag TEXT NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name)
            );
            CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
            """),
        new(3, "audit log", """
            CREATE TABLE IF NOT EXISTS audit_log (
                grain_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                role TEXT NOT NULL,
                acts_for TEXT NULL,
                request_id TEXT NULL,
                grain TEXT NOT NULL,
                operation TEXT NOT NULL,
                changes TEXT NOT NULL,
                PRIMARY KEY (grain_id, sequence)
            ) WITHOUT ROWID;
            """),
    ];
}
