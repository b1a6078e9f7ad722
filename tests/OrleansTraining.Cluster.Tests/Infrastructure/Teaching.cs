using System.Text.Json;

namespace OrleansTraining.Cluster.Tests.Infrastructure;

/// <summary>A teaching offer as the lecturer's assignments list shows it.</summary>
public sealed record Assignment(string AssignmentId, string CycleId, string LecturerId, string CourseId, string SessionId, DateOnly Date, string Slot, string Province, string Status, DateTimeOffset AnswerBy)
{
    public static Assignment From(JsonElement view)
    {
        var offer = view.GetProperty("offer");
        return new Assignment(
            offer.GetProperty("assignmentId").GetString()!,
            offer.GetProperty("cycleId").GetString()!,
            view.GetProperty("lecturerId").GetString()!,
            offer.GetProperty("courseId").GetString()!,
            offer.GetProperty("sessionId").GetString()!,
            DateOnly.Parse(offer.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            offer.GetProperty("slot").GetString()!,
            offer.GetProperty("provinceCode").GetString()!,
            view.GetProperty("status").GetString()!,
            offer.GetProperty("answerBy").GetDateTimeOffset());
    }

    /// <summary>
    /// The lecturer's calendar rules, stated independently of the product: never two sessions in one half-day, and a
    /// full day free between sessions in different provinces.
    /// </summary>
    public bool ClashesWith(Assignment other) =>
        AssignmentId != other.AssignmentId
        && ((Date == other.Date && Slot == other.Slot)
            || (Province != other.Province && Math.Abs(Date.DayNumber - other.Date.DayNumber) <= 1));
}

public static class Teaching
{
    /// <summary>(lecturer, assignment) of every session the plan shows as offered.</summary>
    public static List<(string LecturerId, string AssignmentId)> OfferedSessions(JsonElement plan) =>
        [.. plan.GetProperty("courses").EnumerateArray().SelectMany(c => c.GetProperty("sessions").EnumerateArray())
            .Where(s => s.GetProperty("staffing").GetString() == "Offered"
                        && s.GetProperty("lecturerId").ValueKind == JsonValueKind.String
                        && s.GetProperty("assignmentId").ValueKind == JsonValueKind.String)
            .Select(s => (s.GetProperty("lecturerId").GetString()!, s.GetProperty("assignmentId").GetString()!))];

    public static async Task<List<Assignment>> AssignmentsAsync(NodeClient client, string lecturerId) =>
        [.. (await client.GetOkAsync($"/api/lecturers/{lecturerId}/assignments")).EnumerateArray().Select(Assignment.From)];

    /// <summary>Reads a lecturer's assignments until every one of <paramref name="assignmentIds"/> has arrived (offers are delivered at publish).</summary>
    public static async Task<List<Assignment>> AssignmentsIncludingAsync(NodeClient client, string lecturerId, IReadOnlyCollection<string> assignmentIds)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var assignments = await AssignmentsAsync(client, lecturerId);
            if (assignmentIds.All(id => assignments.Any(a => a.AssignmentId == id)))
            {
                return assignments;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Offers {string.Join(", ", assignmentIds)} never reached lecturer {lecturerId}.");
            await Task.Delay(100);
        }
    }
}
