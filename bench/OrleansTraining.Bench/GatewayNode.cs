using System.Diagnostics;
using System.Globalization;

namespace OrleansTraining.Bench;

/// <summary>One gateway process with its own loopback ports (kept across restarts).</summary>
internal sealed class GatewayNode(string name, string gateway, string connectionString, string clusterId, string signingKey, string password)
{
    private readonly int _siloPort = Loopback.FreePort();
    private readonly int _gatewayPort = Loopback.FreePort();
    private Process? _process;

    public string Name => name;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{Loopback.FreePort()}");

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(gateway)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(gateway);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Orleans__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__ResponseTimeout"] = "00:00:10";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Password"] = password;
        start.Environment["Auth__SigningKey"] = signingKey;
        start.Environment["Auth__PasswordIterations"] = "1000";
        // The load comes from one address and one account: the rate limiters would measure themselves.
        start.Environment["Limits__SignInPermits"] = "0";
        start.Environment["Limits__PlanningPermits"] = "0";
        start.Environment["Limits__AccountPermits"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start)!;
        // Drained (a full pipe would block the node) and dropped, unless BENCH_NODE_LOGS names a folder to keep them in.
        var logFolder = Environment.GetEnvironmentVariable("BENCH_NODE_LOGS");
        var log = string.IsNullOrEmpty(logFolder)
            ? null
            : TextWriter.Synchronized(new StreamWriter(Path.Combine(logFolder, $"{Name}.log"), append: true) { AutoFlush = true });
        _process.OutputDataReceived += (_, e) => log?.WriteLine(e.Data);
        _process.ErrorDataReceived += (_, e) => log?.WriteLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true); // SIGKILL
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null or { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited before it was ready.");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within {within.TotalSeconds:F0} s.");
    }
}
