using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansTraining.Bench.Load;

/// <summary>
/// One acknowledged write, one JSON line in the log: what was sent where, what answered, and how to look it up again —
/// <see cref="Resource"/> is the API path that shows it, <see cref="Key"/> the id in it and <see cref="Note"/> the
/// unique value the write put there (an amendment's contact), when there is one.
/// </summary>
internal sealed record AckEntry(
    string Operation,
    string Node,
    string Method,
    string Path,
    string? Body,
    int Status,
    DateTimeOffset At,
    string Resource,
    string Key,
    string? Note)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Readable lines: the bodies' quotes and Vietnamese letters as they are (the log is a file, never HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToLine() => JsonSerializer.Serialize(this, Json);

    public static AckEntry Parse(string line) =>
        JsonSerializer.Deserialize<AckEntry>(line, Json) ?? throw new FormatException("an empty log line");
}

/// <summary>Appends entries to the log file as they are acknowledged; one writer, so lines never interleave.</summary>
internal sealed class AckLog : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly StreamWriter? _writer;
    private readonly List<AckEntry> _entries = [];

    public AckLog(string? path)
    {
        _writer = path is null ? null : new StreamWriter(path, append: false) { AutoFlush = false };
    }

    public IReadOnlyList<AckEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(AckEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            _writer?.WriteLine(entry.ToLine());
        }
    }

    public static IReadOnlyList<AckEntry> Read(string path) =>
        [.. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(AckEntry.Parse)];

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }
}
