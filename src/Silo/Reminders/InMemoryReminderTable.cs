namespace OrleansTraining.Silo.Reminders;

/// <summary>Reminders in memory: for unit tests only.</summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly object _lock = new();
    private readonly Dictionary<(GrainId, string), (ReminderEntry Entry, string? Owner, DateTimeOffset LeaseUntil)> _rows = [];
    private long _versions;

    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan? period, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var entry = new ReminderEntry(grainId, name, dueAt, dueAt, period, ++_versions);
            _rows[(grainId, name)] = (entry, null, default);
            return Task.FromResult(entry);
        }
    }

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.TryGetValue((grainId, name), out var row) ? row.Entry : null);
        }
    }

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.Remove((grainId, name)));
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var claimed = _rows.Values
                .Where(r => r.Entry.DueAt <= now && (r.Owner is null || r.LeaseUntil < now))
                .OrderBy(r => r.Entry.DueAt)
                .Take(max)
                .Select(r => r.Entry)
                .ToList();
            foreach (var entry in claimed)
            {
                _rows[(entry.GrainId, entry.Name)] = (entry, owner, leaseUntil);
            }

            return Task.FromResult<IReadOnlyList<ReminderEntry>>(claimed);
        }
    }

    public Task CompleteAsync(ReminderEntry claimed, string owner, DateTimeOffset? nextDue, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (claimed.GrainId, claimed.Name);
            if (_rows.TryGetValue(key, out var row) && row.Entry.Version == claimed.Version && row.Owner == owner)
            {
                if (nextDue is { } next)
                {
                    _rows[key] = (row.Entry with { DueAt = next }, null, default);
                }
                else
                {
                    _rows.Remove(key);
                }
            }

            return Task.CompletedTask;
        }
    }

    public Task ReleaseAsync(ReminderEntry claimed, string owner, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (claimed.GrainId, claimed.Name);
            if (_rows.TryGetValue(key, out var row) && row.Entry.Version == claimed.Version && row.Owner == owner)
            {
                _rows[key] = (row.Entry, null, default);
            }

            return Task.CompletedTask;
        }
    }
}
