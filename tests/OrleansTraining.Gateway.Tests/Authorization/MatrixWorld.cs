using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.Grains.Demo;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// A published cycle of the test's own and the subjects the operations are called about: one course, its host province,
/// a lecturer with an offer in it and that offer; plus a province and a lecturer with nothing to do with that course.
/// </summary>
public sealed partial record MatrixWorld(
    string CycleId, string CourseId, string OwnProvince, string OtherProvince, string OwnLecturer, string OtherLecturer,
    string RequestId, string AssignmentId, string SessionId, string TopicCode)
{
    public static async Task<MatrixWorld> BuildAsync(GatewaySession session, Scenario scenario, string cycleId)
    {
        await scenario.CreateCycleAsync(cycleId);
        var plan = await scenario.PlanAndPublishAsync(cycleId);
        var course = plan.Items("courses").First();
        var courseId = course.Str("id");
        var host = course.Str("hostProvince");
        var session1 = course.Items("sessions").First(s => s.StrOrNull("lecturerId") is not null);
        var lecturer = session1.Str("lecturerId");
        var teaching = plan.Items("courses").SelectMany(c => c.Items("sessions")).Select(s => s.StrOrNull("lecturerId")).ToHashSet();
        var other = Enumerable.Range(1, 40).Select(i => $"l{i:00}").First(l => !teaching.Contains(l));
        var hosts = plan.Items("courses").Select(c => c.StrOrNull("hostProvince")).ToHashSet();
        var otherProvince = new[] { "ha-noi", "can-tho", "hue", "da-nang", "lai-chau" }.First(p => !hosts.Contains(p));
        var board = await session.BoardAsync();
        var requests = await board.GetJsonAsync($"/api/provinces/{host}/hosting-requests");
        var request = requests.EnumerateArray().First(r => r.GetProperty("request").Str("courseId") == courseId).GetProperty("request").Str("requestId");
        return new MatrixWorld(cycleId, courseId, host, otherProvince, lecturer, other, request, session1.Str("assignmentId"), session1.Str("sessionId"), session1.Str("topicCode"));
    }

    /// <summary>
    /// Storage once quiet, after any planning run of the world's cycle has ended: an admitted start runs the planner in
    /// the background and applies its plan seconds later, a write the next operation's refusals would be blamed for.
    /// </summary>
    public async Task<string> SettledAsync(GatewaySession session, string connectionString)
    {
        using var board = await session.BoardAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await board.GetAsync($"/api/cycles/{CycleId}/planning-runs/current");
            if (response.StatusCode != System.Net.HttpStatusCode.OK
                || (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Str("status") is not ("Running" or "Applying"))
            {
                break;
            }

            await Task.Delay(100);
        }

        return await StorageDigest.SettledAsync(connectionString);
    }

    /// <summary>The pattern with its parameters filled in: "{id}" by the segment before it (a cycle, course, lecturer…).</summary>
    public string PathOf(string pattern) => Parameter().Replace(pattern, match =>
    {
        var name = match.Groups["name"].Value;
        var before = pattern[..match.Index].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return name switch
        {
            "cycleId" => CycleId,
            "courseId" => CourseId,
            "code" or "provinceCode" => OwnProvince,
            "lecturerId" => OwnLecturer,
            "requestId" => RequestId,
            "assignmentId" => AssignmentId,
            "sessionKey" => $"{CourseId}-{SessionId}",
            "version" => "2027",
            "stopNumber" => "1",
            "tripId" or "fieldTripId" => DemoIds.FieldTrip2005Id,
            "date" => "2090-01-02",
            "id" => segment switch
            {
                "cycles" => CycleId,
                "courses" => CourseId,
                "lecturers" => OwnLecturer,
                "provinces" => OwnProvince,
                "field-trips" => DemoIds.FieldTrip2005Id,
                _ => "unknown-id",
            },
            _ => "unknown-id",
        };
    });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
