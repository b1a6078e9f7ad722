using Microsoft.AspNetCore.Hosting.Server;

namespace OrleansTraining.Gateway.Auth;

/// <summary>The same check before anything starts, for the run command: one line saying why, not a silo started and a stack trace.</summary>
public static class SigningKeyReadiness
{
    public static async Task<bool> SigningKeyReadyAsync(this WebApplication app)
    {
        // Only under Kestrel (the run command): an in-memory test server lets the start fail through SigningKeyCheck
        // instead, since to it an entry point that returns early looks like a successful start.
        if (app.Services.GetService<IServer>()?.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) != true)
        {
            return true;
        }

        try
        {
            _ = app.Services.GetRequiredService<SigningKeyStore>().Key;
            return true;
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync($"Cannot start: {exception.Message}");
            return false;
        }
    }
}
