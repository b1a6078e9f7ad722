using Npgsql;
using OrleansTraining.TestKit;

namespace OrleansTraining.Cluster.Tests.Infrastructure;

/// <summary>
/// Three gateway processes on one fresh PostgreSQL database with one cluster id: one Orleans cluster, loopback only.
/// Creating the database reads <see cref="TestDatabase.PostgresConnectionString"/>, which throws without
/// ConnectionStrings__Postgres, so these tests fail rather than skip when PostgreSQL is absent. Every process is killed
/// at the end whatever happened, and the database dropped.
/// </summary>
public sealed class GatewayCluster : IAsyncLifetime
{
    public const int NodeCount = 3;

    /// <summary>Long enough for HMAC-SHA256; only tests use it. Every node signs and checks tokens with it.</summary>
    public const string SigningKey = "test-signing-key-for-the-cluster-tests-only-0123456789";

    public const string DemoPassword = "demo-2027";

    public const string DemoCycle = "2027-2028";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Everything each node printed, kept for a failed run (the failure messages carry only the last lines).</summary>
    private static readonly string NodeLogFolder = Path.Combine(Path.GetTempPath(), "orleans-training-cluster-tests");

    private readonly List<GatewayNode> _nodes = [];
    private string? _database;

    public IReadOnlyList<GatewayNode> Nodes => _nodes;

    public string Database => _database ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>
    /// A lecturer answers an offer within this time: short, so offers sent at publish escalate during the test (the
    /// reminders of a killed node must fire on another node).
    /// </summary>
    public static readonly TimeSpan OfferAnswer = TimeSpan.FromSeconds(30);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.NewPostgresDatabaseAsync();
        var settings = GatewayNode.LoopbackClusterSettings(_database, $"cluster-test-{Guid.NewGuid():N}"[..28], SigningKey, DemoPassword);
        settings["Orleans:ServiceId"] = "orleans-training-cluster-tests";
        // Short, so a stuck call fails in seconds; not shorter, as publishing 200 offers on a loaded machine takes a while.
        settings["Orleans:ResponseTimeout"] = "00:00:20";
        settings["Deadlines:OfferAnswer"] = OfferAnswer.ToString("c");
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        for (var i = 0; i < NodeCount; i++)
        {
            _nodes.Add(new GatewayNode($"node{i + 1}", GatewayBuild.AssemblyPath(typeof(GatewayCluster).Assembly), settings, NodeLogFolder));
        }

        try
        {
            // All three start together on the empty database: they migrate the schema in turns and load the demo once.
            foreach (var node in _nodes)
            {
                node.Start();
            }

            await Task.WhenAll(_nodes.Select(n => n.WaitUntilReadyAsync(StartTimeout)));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Kill();
        }

        if (_database is not null)
        {
            var name = new NpgsqlConnectionStringBuilder(_database).Database;
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            _database = null;
        }
    }

    /// <summary>Restarts any node a test killed and left down, so the next test starts on three nodes.</summary>
    public async Task EnsureAllRunningAsync()
    {
        var down = _nodes.Where(n => !n.IsRunning).ToList();
        down.ForEach(n => n.Start());
        await Task.WhenAll(down.Select(n => n.WaitUntilReadyAsync(StartTimeout)));
    }

    /// <summary>Every node's recent output, to explain a failure.</summary>
    public string Output() => string.Join("\n", _nodes.Select(n => n.Output()));
}

/// <summary>One cluster for every test class: starting three gateways is the slow part of these tests.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<GatewayCluster>
{
    public const string Name = "three gateway processes";
}
