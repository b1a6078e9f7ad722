using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OrleansTraining.Bench.Load;

/// <summary>
/// The mixed load: each client draws an operation by weight, sends it to the next node round the list, times it and
/// counts how it ended; every acknowledged write is logged. Bounded by the duration and the request count.
/// </summary>
internal sealed class LoadRun(LoadApi api, LoadWorld world, LoadOptions options, AckLog log)
{
    public const string ReadPlan = "board: GET plan";
    public const string ReadReport = "board: GET report";
    public const string ReadRequests = "province: GET hosting requests";
    public const string ReadAssignments = "lecturer: GET assignments";
    public const string Accept = "lecturer: accept offer";
    public const string Confirm = "province: confirm hosting";
    public const string Unavailable = "lecturer: add unavailable date";

    /// <summary>
    /// The mix, by weight out of 100: 60 % reads, 40 % writes; the board is one office among 34 provinces and 40
    /// lecturers, so its whole-cycle reads default to 1 % each (--board-weight; at 5 % each they held the cycle grain
    /// past the 10 s response timeout: see the README); the provinces' and lecturers' reads share the rest.
    /// </summary>
    private readonly (string Name, int Weight)[] _mix =
    [
        (ReadPlan, options.BoardWeight), (ReadReport, options.BoardWeight), (ReadRequests, 30 - options.BoardWeight),
        (ReadAssignments, 30 - options.BoardWeight), (Accept, 13), (Confirm, 12), (Unavailable, 15),
    ];

    private static readonly string ConfirmBody = JsonSerializer.Serialize(new
    {
        venue = "Trường Chính trị tỉnh",
        rooms = 40,
        lodging = "Nhà khách tỉnh, 40 phòng",
        transport = "Xe đưa đón từ sân bay",
        contact = "Văn phòng Ban Tổ chức Tỉnh ủy",
    }, JsonSerializerOptions.Web);

    // A run's own stretch of far-future days (never on a session), one new day per write and lecturer: each write unique.
    private readonly DateOnly _firstDay = new DateOnly(2100, 1, 1).AddDays(Random.Shared.Next(0, 2_500_000));
    private readonly ConcurrentDictionary<string, int> _daysUsed = new();
    private Dictionary<string, OperationStatistics> _statistics = [];
    private readonly string[] _provinces = [.. world.ProvinceTokens.Keys];
    private readonly string[] _lecturers = [.. world.LecturerTokens.Keys];
    private long _issued;
    private int _errorsShown;

    /// <summary>
    /// One phase of the load: the warm-up (fresh nodes compile their code paths and fill their caches; its writes are
    /// logged and checked like the others) and then the measured one, each with its own counts and bounds.
    /// </summary>
    public async Task<(IReadOnlyList<OperationSummary> Operations, TimeSpan Elapsed)> RunAsync(TimeSpan duration, long maxRequests)
    {
        _statistics = _mix.ToDictionary(m => m.Name, m => new OperationStatistics(m.Name));
        _issued = 0;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(() => ClientAsync(client, maxRequests, stop.Token))));
        var elapsed = clock.Elapsed;
        return ([.. _mix.Select(m => _statistics[m.Name].Summarize(elapsed))], elapsed);
    }

    private async Task ClientAsync(int client, long maxRequests, CancellationToken stop)
    {
        var total = _mix.Sum(m => m.Weight);
        for (var sequence = 0; !stop.IsCancellationRequested && Interlocked.Increment(ref _issued) <= maxRequests; sequence++)
        {
            var draw = Random.Shared.Next(total);
            var operation = _mix.First(m => (draw -= m.Weight) < 0).Name;
            await SendAsync(operation, (client + sequence) % api.Nodes.Count);
        }
    }

    private async Task SendAsync(string operation, int node)
    {
        var statistics = _statistics[operation];
        switch (operation)
        {
            case ReadPlan:
                Read(statistics, node, await api.SendAsync(node, HttpMethod.Get, $"/api/cycles/{world.CycleId}/plan", world.BoardToken, null));
                break;
            case ReadReport:
                Read(statistics, node, await api.SendAsync(node, HttpMethod.Get, $"/api/cycles/{world.CycleId}/report", world.BoardToken, null));
                break;
            case ReadRequests:
                var province = Pick(_provinces);
                Read(statistics, node, await api.SendAsync(node, HttpMethod.Get, $"/api/provinces/{province}/hosting-requests", world.ProvinceTokens[province], null));
                break;
            case ReadAssignments:
                var reader = Pick(_lecturers);
                Read(statistics, node, await api.SendAsync(node, HttpMethod.Get, $"/api/lecturers/{reader}/assignments", world.LecturerTokens[reader], null));
                break;
            case Accept:
                var offer = Pick(world.Offers);
                await WriteAsync(statistics, node, HttpMethod.Post, $"/api/lecturers/{offer.Lecturer}/assignments/{offer.AssignmentId}/accept",
                    world.LecturerTokens[offer.Lecturer], null, conflictExpected: true,
                    resource: $"/api/lecturers/{offer.Lecturer}/assignments", key: offer.AssignmentId, note: null);
                break;
            case Confirm:
                var request = Pick(world.Requests);
                await WriteAsync(statistics, node, HttpMethod.Post, $"/api/provinces/{request.Province}/hosting-requests/{request.RequestId}/confirm",
                    world.ProvinceTokens[request.Province], ConfirmBody, conflictExpected: true,
                    resource: $"/api/provinces/{request.Province}/hosting-requests/{request.RequestId}", key: request.RequestId, note: null);
                break;
            default:
                var lecturer = Pick(_lecturers);
                var day = _firstDay.AddDays(_daysUsed.AddOrUpdate(lecturer, 0, (_, n) => n + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await WriteAsync(statistics, node, HttpMethod.Post, $"/api/lecturers/{lecturer}/unavailability", world.LecturerTokens[lecturer],
                    JsonSerializer.Serialize(new { date = day }, JsonSerializerOptions.Web), conflictExpected: false,
                    resource: $"/api/lecturers/{lecturer}", key: lecturer, note: day);
                break;
        }
    }

    private void Read(OperationStatistics statistics, int node, ApiAnswer answer)
    {
        statistics.Record(answer.Milliseconds, answer.Status == 200 ? Outcome.Success : Outcome.Error, answer.Failure ?? answer.Status.ToString(CultureInfo.InvariantCulture));
        if (answer.Status != 200)
        {
            Show(statistics, node, answer);
        }
    }

    /// <summary>The first few errors in full, so a failing run says why without flooding the terminal.</summary>
    private void Show(OperationStatistics statistics, int node, ApiAnswer answer)
    {
        if (Interlocked.Increment(ref _errorsShown) <= 10)
        {
            Console.Error.WriteLine($"  {statistics.Name} on {api.Nodes[node]}: {answer.Describe()}");
        }
    }

    /// <summary>
    /// A write: 200 is acknowledged and logged; a 409 is what answering an already answered request or offer (or one
    /// that would double-book the lecturer) must give, expected for accept and confirm; anything else is an error.
    /// </summary>
    private async Task WriteAsync(OperationStatistics statistics, int node, HttpMethod method, string path, string token, string? body,
        bool conflictExpected, string resource, string key, string? note)
    {
        var answer = await api.SendAsync(node, method, path, token, body, options.IdempotencyKeys ? Guid.NewGuid().ToString("N") : null);
        if (answer.Status == 200)
        {
            statistics.Record(answer.Milliseconds, Outcome.Success);
            log.Add(new AckEntry(statistics.Name, api.Nodes[node].ToString(), method.Method, path, body, answer.Status, DateTimeOffset.UtcNow, resource, key, note));
        }
        else if (answer.Status == 409 && conflictExpected)
        {
            statistics.Record(answer.Milliseconds, Outcome.ExpectedConflict);
        }
        else
        {
            statistics.Record(answer.Milliseconds, Outcome.Error, answer.Failure ?? answer.Status.ToString(CultureInfo.InvariantCulture));
            Show(statistics, node, answer);
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items) => items[Random.Shared.Next(items.Count)];
}
