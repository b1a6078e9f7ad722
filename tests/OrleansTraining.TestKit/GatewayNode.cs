using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace OrleansTraining.TestKit;

/// <summary>
/// One gateway as a real operating-system process (<c>dotnet OrleansTraining.Gateway.dll --urls …</c>) hosting its own
/// silo on its own loopback ports, for the cluster tests and the benchmarks that start nodes. It keeps its ports across
/// <see cref="Kill"/> and <see cref="Start"/>, so a start after a kill is a restart of the same node.
/// </summary>
public sealed class GatewayNode : IDisposable
{
    private const int KeptOutputLines = 300;

    /// <summary>Configuration the test process might carry that must not leak into a node.</summary>
    private static readonly string[] InheritedPrefixesToDrop =
        ["ASPNETCORE_", "DOTNET_ENVIRONMENT", "Orleans__", "Storage__", "ConnectionStrings__", "Demo__", "Auth__", "Deadlines__", "Gateway__", "Logging__", "OTEL_"];

    private readonly string _gatewayAssemblyPath;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly object _logLock = new();
    private Process? _process;

    /// <summary>
    /// The settings every node of a loopback cluster on PostgreSQL runs with, for the cluster tests and the bench: the
    /// demo loaded, a fixed signing key, cheap password hashing (the seeding hashes ~75 demo passwords) and the rate
    /// limiters off (every request comes from loopback, mostly with one account). Callers add their own keys.
    /// </summary>
    public static Dictionary<string, string> LoopbackClusterSettings(string connectionString, string clusterId, string signingKey, string demoPassword) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = connectionString,
        ["Orleans:ClusterId"] = clusterId,
        ["Demo:Enabled"] = "true",
        ["Demo:Password"] = demoPassword,
        ["Auth:SigningKey"] = signingKey,
        ["Auth:PasswordIterations"] = "1000",
        ["Limits:SignInPermits"] = "0",
        ["Limits:PlanningPermits"] = "0",
        ["Limits:AccountPermits"] = "0",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <param name="name">The node's name in its log lines and messages.</param>
    /// <param name="gatewayAssemblyPath">The built OrleansTraining.Gateway.dll (see <see cref="GatewayBuild"/>).</param>
    /// <param name="settings">Configuration keys (<c>Section:Key</c>) given to the process as environment variables.</param>
    /// <param name="logFolder">Where everything the node prints is kept, across restarts; null keeps only the last lines.</param>
    public GatewayNode(string name, string gatewayAssemblyPath, IReadOnlyDictionary<string, string> settings, string? logFolder)
    {
        Name = name;
        _gatewayAssemblyPath = gatewayAssemblyPath;
        _settings = settings;
        HttpPort = FreePort.Next();
        SiloPort = FreePort.Next();
        GatewayPort = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}");
        if (logFolder is not null)
        {
            Directory.CreateDirectory(logFolder);
            LogPath = Path.Combine(logFolder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{name}-{HttpPort}.log");
        }
    }

    /// <summary>Everything the node printed, across restarts (the failure messages carry only the last lines); null if not kept.</summary>
    public string? LogPath { get; }

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress { get; }

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} already runs.");
        }

        var gateway = File.Exists(_gatewayAssemblyPath)
            ? _gatewayAssemblyPath
            : throw new InvalidOperationException($"The gateway is not built at {_gatewayAssemblyPath}; build the solution in the same configuration first.");
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
        foreach (var key in start.Environment.Keys.Where(k => InheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Orleans__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__AdvertisedIPAddress"] = "127.0.0.1";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        Keep($"--- {Name} starting at {DateTime.UtcNow:HH:mm:ss.fff} on {BaseAddress} (silo {SiloPort}, gateway {GatewayPort})");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Running[this] = 0;
    }

    /// <summary>SIGKILL for the process and anything it started: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }

        Keep($"--- {Name} killed at {DateTime.UtcNow:HH:mm:ss.fff}");
        process.Dispose();
        _process = null;
        Running.TryRemove(this, out _);
    }

    /// <summary>Polls /health/ready until it answers 200 (bounded); fails with the node's output if it never does or exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} exited before it was ready.\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within {within.TotalSeconds:0} s (last: {last}).\n{Output()}");
    }

    /// <summary>The last lines the node printed, for failure messages.</summary>
    public string Output() => string.Join('\n', _output);

    public void Dispose() => Kill();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue($"[{Name}] {line}");
        if (LogPath is not null)
        {
            lock (_logLock)
            {
                File.AppendAllText(LogPath, line + Environment.NewLine);
            }
        }

        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Nodes still running: killed when the test process exits, should a fixture never get to dispose them.</summary>
    private static readonly ConcurrentDictionary<GatewayNode, byte> Running = new();

    static GatewayNode()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var node in Running.Keys)
            {
                try
                {
                    node._process?.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            }
        };
    }
}
