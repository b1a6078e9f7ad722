using System.Text.Json;

namespace OrleansTraining.Bench.Load;

/// <summary>A hosting request of the published cycle, with the province that answers it.</summary>
internal sealed record HostingTarget(string Province, string RequestId);

/// <summary>An offered session, with the lecturer who answers it.</summary>
internal sealed record OfferTarget(string Lecturer, string AssignmentId);

/// <summary>What the load needs: the published cycle's requests and offers, and a token for every account in them.</summary>
internal sealed record LoadWorld(
    string CycleId,
    string BoardToken,
    IReadOnlyDictionary<string, string> ProvinceTokens,
    IReadOnlyDictionary<string, string> LecturerTokens,
    IReadOnlyList<HostingTarget> Requests,
    IReadOnlyList<OfferTarget> Offers);

/// <summary>
/// Signs the board in, plans and publishes the cycle when it is not yet (a database that already has it published is
/// used as it is), waits until every hosting request and offer has reached its province or lecturer (publishing tells
/// them one-way), and signs in each of those accounts.
/// </summary>
internal static class LoadSetup
{
    public static async Task<LoadWorld> PrepareAsync(LoadApi api, string cycleId, string password)
    {
        var board = await api.TokenAsync("board", password);
        var status = (await api.GetJsonAsync(0, $"/api/cycles/{cycleId}", board)).GetProperty("status").GetString();
        if (status == "Draft")
        {
            await api.PostJsonAsync(0, $"/api/cycles/{cycleId}/plan", board, new { });
            status = "Planned";
        }

        if (status == "Planned")
        {
            await api.PostJsonAsync(0, $"/api/cycles/{cycleId}/publish", board, new { });
        }

        var plan = await api.GetJsonAsync(0, $"/api/cycles/{cycleId}/plan", board);
        var requests = new List<HostingTarget>();
        var offers = new List<OfferTarget>();
        foreach (var course in plan.GetProperty("courses").EnumerateArray())
        {
            if (Text(course, "hostingRequestId") is { } requestId && Text(course, "hostProvince") is { } province)
            {
                requests.Add(new HostingTarget(province, requestId));
            }

            foreach (var session in course.GetProperty("sessions").EnumerateArray())
            {
                if (Text(session, "staffing") == "Offered" && Text(session, "assignmentId") is { } assignment && Text(session, "lecturerId") is { } lecturer)
                {
                    offers.Add(new OfferTarget(lecturer, assignment));
                }
            }
        }

        if (requests.Count == 0 || offers.Count == 0)
        {
            throw new InvalidOperationException($"cycle {cycleId} ({status}) has {requests.Count} hosting requests and {offers.Count} offers: nothing to answer");
        }

        await WaitDeliveredAsync(api, board, requests, offers);
        var provinceTokens = new Dictionary<string, string>();
        foreach (var province in requests.Select(r => r.Province).Distinct())
        {
            provinceTokens[province] = await api.TokenAsync($"province-{province}", password);
        }

        var lecturerTokens = new Dictionary<string, string>();
        foreach (var lecturer in offers.Select(o => o.Lecturer).Distinct())
        {
            lecturerTokens[lecturer] = await api.TokenAsync($"lecturer-{lecturer}", password);
        }

        return new LoadWorld(cycleId, board, provinceTokens, lecturerTokens, requests, offers);
    }

    private static async Task WaitDeliveredAsync(LoadApi api, string board, List<HostingTarget> requests, List<OfferTarget> offers)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var missing = 0;
            foreach (var group in requests.GroupBy(r => r.Province))
            {
                var known = (await api.GetJsonAsync(0, $"/api/provinces/{group.Key}/hosting-requests", board)).EnumerateArray()
                    .Select(r => r.GetProperty("request").GetProperty("requestId").GetString()).ToHashSet();
                missing += group.Count(r => !known.Contains(r.RequestId));
            }

            foreach (var group in offers.GroupBy(o => o.Lecturer))
            {
                var known = (await api.GetJsonAsync(0, $"/api/lecturers/{group.Key}/assignments", board)).EnumerateArray()
                    .Select(a => a.GetProperty("offer").GetProperty("assignmentId").GetString()).ToHashSet();
                missing += group.Count(o => !known.Contains(o.AssignmentId));
            }

            if (missing == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{missing} hosting requests and offers had not reached their provinces and lecturers after 60 s");
            }

            await Task.Delay(500);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
