namespace OrleansTraining.Grains.Common.Audit;

/// <summary>When an audited grain moves its pending audit entries into the audit log (configuration section "AuditLog").</summary>
public sealed class AuditLogOptions
{
    public const string SectionName = "AuditLog";

    /// <summary>With this many entries pending after a write, they are appended at once (right after the call).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Fewer pending entries are appended this long after the grain's last write (and on deactivation).</summary>
    public TimeSpan QuietDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed append the entries stay pending in the state and are tried again this much later.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);
}
