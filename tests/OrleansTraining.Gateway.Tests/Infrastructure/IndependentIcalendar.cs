using System.Diagnostics;
using System.Text.Json;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>One VEVENT as another implementation read it: DTSTART/DTEND resolved to ISO 8601 with their offset.</summary>
public sealed record ParsedEvent(string Uid, string Status, string Summary, string Location, string Start, string End);

public sealed record ParsedCalendar(IReadOnlyList<string> TimeZones, IReadOnlyList<ParsedEvent> Events)
{
    public ParsedEvent? Event(string assignmentId) => Events.SingleOrDefault(e => e.Uid.StartsWith(assignmentId + "@", StringComparison.Ordinal));
}

/// <summary>
/// Parses a feed with Debian's python3-icalendar in a child process, so the feed is checked by a parser that shares
/// nothing with Ical.Net. ./test.sh installs it (scripts/python-icalendar.sh); PYTHON3_PATH overrides the interpreter.
/// </summary>
public static class IndependentIcalendar
{
    private const string Script = """
        import sys, json, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = {'timeZones': [str(tz['TZID']) for tz in cal.walk('VTIMEZONE')], 'events': []}
        for e in cal.walk('VEVENT'):
            out['events'].append({
                'uid': str(e['UID']), 'status': str(e.get('STATUS', '')), 'summary': str(e.get('SUMMARY', '')),
                'location': str(e.get('LOCATION', '')),
                'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat()})
        print(json.dumps(out))
        """;

    public static async Task<ParsedCalendar> ParseAsync(string ics)
    {
        var python = Environment.GetEnvironmentVariable("PYTHON3_PATH") is { Length: > 0 } custom ? custom : "/usr/bin/python3";
        var file = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"python3-icalendar refused the feed (./test.sh installs it: scripts/python-icalendar.sh): {await errors}\n{ics}");
            var root = JsonDocument.Parse(await output).RootElement;
            return new ParsedCalendar(
                [.. root.GetProperty("timeZones").EnumerateArray().Select(t => t.GetString()!)],
                [.. root.GetProperty("events").EnumerateArray().Select(e => new ParsedEvent(
                    e.Str("uid"), e.Str("status"), e.Str("summary"), e.Str("location"), e.Str("start"), e.Str("end")))]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
