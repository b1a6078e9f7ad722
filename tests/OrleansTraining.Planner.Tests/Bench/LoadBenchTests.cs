using OrleansTraining.Bench.Load;

namespace OrleansTraining.Planner.Tests.Bench;

/// <summary>The load tool's pure parts: it loads only this machine, its percentiles and its log of acknowledged writes.</summary>
public sealed class LoadBenchTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5081", true)]
    [InlineData("http://127.3.4.5:80", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("http://example.com", false)]
    [InlineData("http://localhost.example.com", false)]
    [InlineData("http://0.0.0.0:5080", false)]
    public void Only_loopback_addresses_are_loopback(string address, bool expected) =>
        Assert.Equal(expected, LoadOptions.IsLoopback(new Uri(address)));

    [Fact]
    public void A_node_off_this_machine_is_refused_naming_it()
    {
        var (options, error) = LoadOptions.Parse(["--nodes", "http://127.0.0.1:5081,http://192.168.1.10:5081"]);

        Assert.Null(options);
        Assert.Contains("192.168.1.10", error);
        Assert.Contains("loopback", error);
    }

    [Fact]
    public void Options_are_read_and_bounded()
    {
        var (options, error) = LoadOptions.Parse(
            ["--nodes", "http://127.0.0.1:5081, http://127.0.0.1:5082", "--clients", "200", "--duration", "2m", "--warmup", "0s", "--max-requests", "5000", "--log", "acks.jsonl"]);

        Assert.Null(error);
        Assert.Equal([new Uri("http://127.0.0.1:5081"), new Uri("http://127.0.0.1:5082")], options!.Nodes);
        Assert.Equal(200, options.Clients);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Duration);
        Assert.Equal(TimeSpan.Zero, options.Warmup);
        Assert.Equal(5000, options.MaxRequests);
        Assert.Equal("acks.jsonl", options.LogPath);
        Assert.NotNull(LoadOptions.Parse(["--nodes", "http://127.0.0.1:1", "--clients", "2001"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--nodes", "http://127.0.0.1:1", "--duration", "11m"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--nodes", "http://127.0.0.1:1", "--max-requests", "0"]).Error);
        Assert.NotNull(LoadOptions.Parse(["--clients", "10"]).Error); // no nodes and no cluster to start
        var (defaults, _) = LoadOptions.Parse(["--nodes", "http://127.0.0.1:5081"]);
        Assert.Equal(TimeSpan.FromMinutes(1), defaults!.Warmup); // warm nodes, as the README's figures
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("12", 12_000)]
    public void Durations_read_with_their_unit(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), LoadOptions.ParseDuration(text));

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        double[] hundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

        Assert.Equal(50, Percentile.Of(hundred, 50));
        Assert.Equal(99, Percentile.Of(hundred, 99));
        Assert.Equal(100, Percentile.Of(hundred, 100));
        Assert.Equal(7, Percentile.Of([7.0], 99));
        Assert.Equal(0, Percentile.Of([], 50));
    }

    [Fact]
    public void Statistics_count_outcomes_apart()
    {
        var statistics = new OperationStatistics("accept");
        statistics.Record(10, Outcome.Success);
        statistics.Record(20, Outcome.ExpectedConflict);
        statistics.Record(30, Outcome.Error, "500");
        statistics.Record(40, Outcome.Error, "timeout");

        var summary = statistics.Summarize(TimeSpan.FromSeconds(2));

        Assert.Equal((4, 2.0, 1, 1, 2, 40.0), (summary.Count, summary.PerSecond, summary.Success, summary.ExpectedConflicts, summary.Errors, summary.Max));
        Assert.Equal(20, summary.P50);
        Assert.Equal(1, summary.ErrorKinds["timeout"]);
    }

    [Fact]
    public void An_acknowledged_write_round_trips_through_its_log_line()
    {
        var entry = new AckEntry("province: confirm hosting", "http://127.0.0.1:5081/", "POST",
            "/api/provinces/can-tho/hosting-requests/r1/confirm", """{"venue":"Trường Chính trị tỉnh","rooms":40}""", 200,
            new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), "/api/provinces/can-tho/hosting-requests/r1", "r1", null);

        var line = entry.ToLine();

        Assert.DoesNotContain('\n', line);
        Assert.Contains("Trường", line); // readable, not \u-escaped
        Assert.Equal(entry, AckEntry.Parse(line));
    }

    [Fact]
    public async Task The_log_file_holds_one_line_per_write_and_reads_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"load-acks-{Guid.NewGuid():N}.jsonl");
        try
        {
            var entries = Enumerable.Range(1, 3).Select(i => new AckEntry("lecturer: add unavailable date", "http://127.0.0.1:5081/", "POST",
                "/api/lecturers/l01/unavailability", $$"""{"date":"2100-01-0{{i}}"}""", 200, DateTimeOffset.UnixEpoch.AddDays(i),
                "/api/lecturers/l01", "l01", $"2100-01-0{i}")).ToList();
            var log = new AckLog(path);
            entries.ForEach(log.Add);
            await log.DisposeAsync();

            Assert.Equal(3, File.ReadAllLines(path).Length);
            Assert.Equal(entries, AckLog.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
