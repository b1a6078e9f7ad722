namespace OrleansTraining.Gateway.Auth;

/// <summary>Loads the signing key at start-up, so a host without one fails to start instead of failing every sign-in.</summary>
public sealed class SigningKeyCheck(SigningKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keys.Key;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
