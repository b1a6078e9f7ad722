using System.Text.Json;

namespace OrleansTraining.Bench.Load;

/// <summary>
/// Looks every acknowledged write up through the API, as the board, round the nodes (so a write acknowledged by one
/// node is looked for on another): an accepted offer must read Accepted, a confirmed request Confirmed, an added day
/// must be among the lecturer's unavailable dates. Each resource is read once, after the load.
/// </summary>
internal static class LoadChecker
{
    public static async Task<(int Found, IReadOnlyList<AckEntry> Missing)> CheckAsync(LoadApi api, string boardToken, IReadOnlyList<AckEntry> entries)
    {
        var missing = new List<AckEntry>();
        var found = 0;
        var node = 0;
        foreach (var group in entries.GroupBy(e => e.Resource))
        {
            var resource = await api.GetJsonAsync(node++ % api.Nodes.Count, group.Key, boardToken);
            foreach (var entry in group)
            {
                if (IsFound(resource, entry))
                {
                    found++;
                }
                else
                {
                    missing.Add(entry);
                }
            }
        }

        return (found, missing);
    }

    public static bool IsFound(JsonElement resource, AckEntry entry) => entry.Operation switch
    {
        LoadRun.Accept => resource.EnumerateArray().Any(a =>
            a.GetProperty("offer").GetProperty("assignmentId").GetString() == entry.Key && a.GetProperty("status").GetString() == "Accepted"),
        LoadRun.Confirm => resource.GetProperty("request").GetProperty("requestId").GetString() == entry.Key
            && resource.GetProperty("status").GetString() == "Confirmed",
        LoadRun.Unavailable => resource.GetProperty("unavailableDates").EnumerateArray().Any(d => d.GetString() == entry.Note),
        _ => false,
    };
}
