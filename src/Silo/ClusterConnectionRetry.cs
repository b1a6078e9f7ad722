namespace OrleansTraining.Silo;

/// <summary>
/// Keeps a client trying to reach the cluster for a while (silos may still be starting, or migrating the schema)
/// instead of failing its host at once.
/// </summary>
internal sealed class ClusterConnectionRetry : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private DateTimeOffset? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _firstFailure ??= DateTimeOffset.UtcNow;
        if (cancellationToken.IsCancellationRequested || DateTimeOffset.UtcNow - _firstFailure > GiveUpAfter)
        {
            return false;
        }

        try
        {
            await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
