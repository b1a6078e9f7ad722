using System.Globalization;
using System.Net;

namespace OrleansTraining.Bench.Load;

/// <summary>
/// The load command's options, bounded: loopback nodes only (the tool must never load someone else's server), at most
/// <see cref="MaxClients"/> clients, <see cref="MaxDuration"/> of load and <see cref="MaxRequestsLimit"/> requests.
/// </summary>
internal sealed record LoadOptions(
    IReadOnlyList<Uri> Nodes,
    int Clients,
    TimeSpan Duration,
    TimeSpan Warmup,
    long MaxRequests,
    string? LogPath,
    string? CheckPath,
    int StartCluster,
    string CycleId,
    string Password,
    bool IdempotencyKeys,
    int BoardWeight = 1)
{
    public const int MaxClients = 2_000;
    public const long MaxRequestsLimit = 10_000_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A minute of load before the measured window: the nodes' JIT keeps compiling hot paths for about that long, and a
    /// shorter warm-up measures the compiler as much as the nodes (README, Load: 1,600 against 2,000+ requests/s).
    /// </summary>
    public const string DefaultWarmup = "60s";

    /// <summary>Options from the command line, or the reason they are refused.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--idempotency-keys")
            {
                flags.Add(name);
            }
            else if (name is "--nodes" or "--clients" or "--duration" or "--max-requests" or "--log" or "--check"
                     or "--start-cluster" or "--warmup" or "--board-weight" or "--cycle" or "--password" && i + 1 < args.Count)
            {
                values[name] = args[++i];
            }
            else
            {
                return (null, $"unknown or incomplete option '{name}'");
            }
        }

        var nodes = new List<Uri>();
        foreach (var text in (values.GetValueOrDefault("--nodes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return (null, $"--nodes: '{text}' is not an http(s) address");
            }

            if (!IsLoopback(uri))
            {
                return (null, $"--nodes: '{text}' is not a loopback address; the load tool only loads this machine");
            }

            nodes.Add(uri);
        }

        var startCluster = values.TryGetValue("--start-cluster", out var s) ? ParseInt(s, "--start-cluster", 1, 9) : (0, null);
        var boardWeight = values.TryGetValue("--board-weight", out var b) ? ParseInt(b, "--board-weight", 0, 30) : (1, null);
        var clients = values.TryGetValue("--clients", out var c) ? ParseInt(c, "--clients", 1, MaxClients) : (200, null);
        var duration = ParseDuration(values.GetValueOrDefault("--duration") ?? "30s");
        var warmup = ParseDuration(values.GetValueOrDefault("--warmup") ?? DefaultWarmup);
        var maxRequests = values.TryGetValue("--max-requests", out var m) && long.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            ? max
            : values.ContainsKey("--max-requests") ? -1 : MaxRequestsLimit;
        var error = startCluster.Item2 ?? clients.Item2 ?? boardWeight.Item2
            ?? (duration is not { } d || d <= TimeSpan.Zero || d > MaxDuration ? $"--duration: a positive time up to {MaxDuration.TotalMinutes:F0} min (30s, 2m)" : null)
            ?? (warmup is not { } w || w < TimeSpan.Zero || w > MaxDuration ? $"--warmup: a time up to {MaxDuration.TotalMinutes:F0} min (0s to skip)" : null)
            ?? (maxRequests is < 1 or > MaxRequestsLimit ? $"--max-requests: 1 to {MaxRequestsLimit}" : null)
            ?? (nodes.Count == 0 && startCluster.Item1 == 0 ? "give --nodes http://127.0.0.1:port,… or --start-cluster 3" : null)
            ?? (nodes.Count > 0 && startCluster.Item1 > 0 ? "give either --nodes or --start-cluster, not both" : null)
            ?? (values.ContainsKey("--check") && startCluster.Item1 > 0 ? "--check looks a log up on running --nodes" : null);
        if (error is not null)
        {
            return (null, error);
        }

        return (new LoadOptions(nodes, clients.Item1, duration!.Value, warmup!.Value, maxRequests, values.GetValueOrDefault("--log"),
            values.GetValueOrDefault("--check"), startCluster.Item1, values.GetValueOrDefault("--cycle") ?? "2027-2028",
            values.GetValueOrDefault("--password") ?? "demo-2027", flags.Contains("--idempotency-keys"), boardWeight.Item1), null);
    }

    /// <summary>127.0.0.0/8, ::1 or the name localhost: nothing that leaves this machine.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback && (uri.HostNameType is UriHostNameType.Dns
            ? string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>"30s", "2m", "500ms" or plain seconds.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        static double? Number(string s) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

        return text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => Number(text[..^2]) is { } v && Math.Abs(v) < 1e9 ? TimeSpan.FromMilliseconds(v) : null,
            _ when text.EndsWith('s') => Number(text[..^1]) is { } v && Math.Abs(v) < 1e9 ? TimeSpan.FromSeconds(v) : null,
            _ when text.EndsWith('m') => Number(text[..^1]) is { } v && Math.Abs(v) < 1e6 ? TimeSpan.FromMinutes(v) : null,
            _ => Number(text) is { } v && Math.Abs(v) < 1e9 ? TimeSpan.FromSeconds(v) : null,
        };
    }

    private static (int, string?) ParseInt(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? (v, null)
            : (0, $"{name}: a whole number from {min} to {max}");
}
