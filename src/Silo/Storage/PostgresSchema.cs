namespace OrleansTraining.Silo.Storage;

internal static class PostgresSchema
{
    /// <summary>Channel on which nodes announce state writes (see PostgresStateNotifier for the payload).</summary>
    public const string StateChangedChannel = "orleans_training_state";

    /// <summary>Advisory lock that serialises migrations when several nodes start at once.</summary>
    public const long MigrationLockId = 727_401_2027;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "grain state", """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                state_name text NOT NULL,
                payload jsonb NULL,
                version bigint NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (grain_type, grain_key, state_name)
            );
            """),
        new(2, "durable reminders", """
            CREATE TABLE IF NOT EXISTS grain_reminders (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                name text NOT NULL,
                first_due_ms bigint NOT NULL,
                due_ms bigint NOT NULL,
                period_ms bigint NULL,
                version bigint NOT NULL,
                lease_owner text NULL,
                lease_until_ms bigint NULL,
                PRIMARY KEY (grain_type, grain_key, name)
            );
            CREATE INDEX IF NOT EXISTS grain_reminders_due ON grain_reminders (due_ms);
            """),
    ];
}
