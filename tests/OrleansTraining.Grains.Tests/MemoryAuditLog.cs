using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// The audit log in memory, for clusters on in-memory storage; shared by their silos like a database. It can be made
/// to fail its appends (<see cref="Failing"/>), and counts what it was asked to append.
/// </summary>
internal sealed class MemoryAuditLog : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, AuditEntry>> _grains = new(StringComparer.Ordinal);

    /// <summary>While true, every append throws and stores nothing.</summary>
    public bool Failing { get; set; }

    public int AppendCalls { get; private set; }

    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <summary>Appends tried for one grain, failed or not.</summary>
    public int Attempts(string grainId)
    {
        lock (_gate)
        {
            return _attempts.GetValueOrDefault(grainId);
        }
    }

    public int FailedAppends { get; private set; }

    /// <summary>Entries appended again under a sequence already stored (left as they were).</summary>
    public int Repeats { get; private set; }

    public Task AppendAsync(string grainId, long firstSequence, ImmutableArray<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            AppendCalls++;
            _attempts[grainId] = _attempts.GetValueOrDefault(grainId) + 1;
            if (Failing)
            {
                FailedAppends++;
                throw new IOException("The audit log is unreachable.");
            }

            if (!_grains.TryGetValue(grainId, out var log))
            {
                _grains[grainId] = log = [];
            }

            for (var i = 0; i < entries.Length; i++)
            {
                if (!log.TryAdd(firstSequence + i, entries[i]))
                {
                    Repeats++;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditLogPage> ReadAsync(string grainId, long belowSequence, int skip, int take, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var below = Sequences(grainId).Where(s => s < belowSequence).ToList();
            var page = below.AsEnumerable().Reverse().Skip(skip).Take(Math.Max(0, take)).Select(s => _grains[grainId][s]).ToImmutableArray();
            return Task.FromResult(new AuditLogPage(below.Count, page));
        }
    }

    /// <summary>The sequence numbers stored for the grain, in order.</summary>
    public IReadOnlyList<long> Sequences(string grainId)
    {
        lock (_gate)
        {
            return _grains.TryGetValue(grainId, out var log) ? [.. log.Keys] : [];
        }
    }
}
