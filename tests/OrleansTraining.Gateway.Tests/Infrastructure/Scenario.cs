using System.Net;
using System.Text.Json;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>The steps of the README walk, each through HTTP, for tests to compose.</summary>
public sealed class Scenario(GatewaySession session)
{
    /// <summary>The demo's cycle, ready to plan.</summary>
    public const string DemoCycle = "2027-2028";

    /// <summary>A cycle of its own for a test, so tests never share hosting requests or offers.</summary>
    public async Task CreateCycleAsync(string cycleId, int courses = 2)
    {
        var firstYear = int.Parse(cycleId[..4], System.Globalization.CultureInfo.InvariantCulture);
        var board = await session.BoardAsync();
        await board.PostJsonAsync("/api/cycles", new
        {
            id = cycleId,
            start = $"{firstYear}-01-04",
            end = $"{firstYear + 1}-12-18",
            curriculumVersion = "2027",
            courses = Enumerable.Range(1, courses).Select(i => new
            {
                title = $"Organisation work course {i} of {cycleId}",
                audience = new { positions = new[] { "Head", "DeputyHead" }, levels = new[] { "Provincial" } },
                capacity = 60,
                quotaPerProvince = 2,
            }),
        }, HttpStatusCode.Created);
    }

    /// <summary>Plans and publishes the cycle, and returns its plan as the board sees it afterwards.</summary>
    public async Task<JsonElement> PlanAndPublishAsync(string cycleId)
    {
        var board = await session.BoardAsync();
        var planned = await board.PostJsonAsync($"/api/cycles/{cycleId}/plan", null);
        Assert.Equal("Planned", planned.Str("status"));
        var published = await board.PostJsonAsync($"/api/cycles/{cycleId}/publish", null);
        Assert.Equal("Published", published.Str("status"));
        return await board.GetJsonAsync($"/api/cycles/{cycleId}/plan");
    }

    public async Task<JsonElement> CourseAsync(string courseId) => await (await session.BoardAsync()).GetJsonAsync($"/api/courses/{courseId}");

    /// <summary>
    /// Reads the course until <paramref name="done"/> holds: an answer is recorded at once, and the cycle's follow-up
    /// (re-offer, new host, staffing) reaches the course a moment later.
    /// </summary>
    public Task<JsonElement> CourseAsync(string courseId, Func<JsonElement, bool> done, string because) =>
        Poll.UntilAsync(() => CourseAsync(courseId), done, because);

    /// <summary>Courses whose host province has a pending hosting request, in plan order.</summary>
    public static List<JsonElement> CoursesAwaitingHost(JsonElement plan) =>
        [.. plan.Items("courses").Where(c => c.StrOrNull("hostingRequestId") is not null && c.Str("status") == "Published")];

    /// <summary>Sessions offered to a lecturer and not answered yet.</summary>
    public static List<Offer> Offers(JsonElement plan) =>
        [.. plan.Items("courses").SelectMany(c => c.Items("sessions")
            .Where(s => s.Str("staffing") == "Offered" && s.StrOrNull("assignmentId") is not null && s.StrOrNull("lecturerId") is not null)
            .Select(s => new Offer(c.Str("id"), s.Str("sessionId"), s.Str("lecturerId"), s.Str("assignmentId"))))];

    public static JsonElement Session(JsonElement course, string sessionId) =>
        course.Items("sessions").Single(s => s.Str("sessionId") == sessionId);

    /// <summary>Trainees who fit the course's audience.</summary>
    public static object[] Trainees(JsonElement course, int count, string prefix) =>
        [.. Enumerable.Range(1, count).Select(i => new
        {
            fullName = $"{prefix} trainee {i}",
            position = course.GetProperty("audience").Items("positions").First().GetString(),
            level = course.GetProperty("audience").Items("levels").First().GetString(),
            unit = "Ban Tổ chức Tỉnh ủy",
        })];

    public static object Logistics(string venue) => new
    {
        venue,
        rooms = 40,
        lodging = "Provincial guest house, 40 rooms",
        transport = "Coach from the airport and between venues",
        contact = "Văn phòng Ban Tổ chức Tỉnh ủy, 0292 3820 000",
    };
}
