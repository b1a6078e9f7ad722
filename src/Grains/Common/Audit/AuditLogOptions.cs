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

    /// <summary>Each further failure in a row doubles the wait, up to this (a long outage costs each grain a try every few minutes).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after <paramref name="failures"/> failed appends in a row (1: <see cref="RetryDelay"/>).</summary>
    public TimeSpan RetryAfter(int failures)
    {
        var delay = RetryDelay;
        for (var i = 1; i < failures && delay < MaxRetryDelay; i++)
        {
            delay += delay;
        }

        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
