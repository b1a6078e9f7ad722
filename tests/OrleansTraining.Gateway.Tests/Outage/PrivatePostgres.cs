using System.Diagnostics;

namespace OrleansTraining.Gateway.Tests.Outage;

/// <summary>
/// A PostgreSQL cluster of one test's own (scripts/pg-outage.sh: same binaries as ./test.sh's, its own port and
/// directory), so the test can stop it and start it again without breaking the tests that share ./test.sh's cluster.
/// Disposing stops it and deletes its directory whatever happened.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory;

    private PrivatePostgres(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        // Not created here: the script creates it and hands it to the server's user.
        var directory = Path.Combine(Path.GetTempPath(), $"orleans-training-pg-outage-{Guid.NewGuid():N}");
        var connectionString = await RunAsync("start", directory);
        return new PrivatePostgres(directory, connectionString.Trim());
    }

    /// <summary>Stops the server the way a crash would (immediate: no checkpoint, every connection cut).</summary>
    public Task StopAsync() => RunAsync("stop", _directory);

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task ResumeAsync() => RunAsync("resume", _directory);

    public async ValueTask DisposeAsync() => await RunAsync("remove", _directory);

    private static async Task<string> RunAsync(string command, string directory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "pg-outage.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"scripts/pg-outage.sh {command} did not finish within {ScriptTimeout.TotalSeconds:0} s.");
        }

        Assert.True(process.ExitCode == 0, $"scripts/pg-outage.sh {command} failed ({process.ExitCode}): {await errors}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrleansTraining.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException($"No OrleansTraining.sln above {AppContext.BaseDirectory}.");
    }
}
