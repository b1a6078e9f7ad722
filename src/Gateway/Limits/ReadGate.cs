using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrleansTraining.Gateway.Limits;

/// <summary>
/// The node's reads in flight and waiting (see <see cref="ReadAdmission"/>): at most
/// <see cref="GatewayLimits.ConcurrentReads"/> at once, then up to <see cref="GatewayLimits.QueuedReads"/> waiting in
/// arrival order. Off (nothing held) when <see cref="GatewayLimits.ConcurrentReads"/> is 0.
/// </summary>
public sealed class ReadGate : IDisposable
{
    private readonly ConcurrencyLimiter? _limiter;

    public ReadGate(IOptions<GatewayLimits> options)
    {
        var limits = options.Value;
        if (limits.ConcurrentReads > 0)
        {
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.ConcurrentReads,
                QueueLimit = Math.Max(0, limits.QueuedReads),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }
    }

    public bool IsOn => _limiter is not null;

    /// <summary>Reads waiting for their turn now.</summary>
    public long Waiting => _limiter?.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>A turn for one read: acquired at once, after waiting, or not (the queue is full).</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellation) =>
        _limiter?.AcquireAsync(1, cancellation) ?? throw new InvalidOperationException("The read gate is off.");

    public void Dispose() => _limiter?.Dispose();
}
