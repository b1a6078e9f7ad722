using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// A lecturer's day one through HTTP: offers in full, several answers at once, withdrawing, unavailable dates one by
/// one; each rule's happy path, its bad input naming the field, and another lecturer refused with nothing changed.
/// </summary>
public sealed class LecturerEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task An_offer_names_course_host_and_topic_and_shows_the_logistics_once_the_host_confirms()
    {
        const string cycleId = "2061-2062";
        var (plan, offers) = await PublishedAsync(cycleId);
        var offer = offers[0];
        var course = plan.Items("courses").Single(c => c.Str("id") == offer.CourseId);

        var mine = await AssignmentAsync(offer);

        var details = mine.GetProperty("offer");
        Assert.Equal(course.Str("title"), details.Str("courseTitle"));
        Assert.Equal(course.Str("start"), details.Str("courseStart"));
        Assert.Equal(course.Str("end"), details.Str("courseEnd"));
        Assert.Equal(course.Str("hostProvince"), details.Str("provinceCode"));
        Assert.False(string.IsNullOrWhiteSpace(details.StrOrNull("provinceName")));
        Assert.False(string.IsNullOrWhiteSpace(details.StrOrNull("topicTitle")));
        Assert.Equal(JsonValueKind.Null, details.GetProperty("logistics").ValueKind);

        var host = course.Str("hostProvince");
        await (await _session.ProvinceAsync(host)).PostJsonAsync(
            $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/confirm", Scenario.Logistics("Hội trường Tỉnh ủy 2061"));

        var confirmed = await Poll.UntilAsync(() => AssignmentAsync(offer), a => a.GetProperty("offer").GetProperty("logistics").ValueKind == JsonValueKind.Object, "the logistics reached the lecturer");
        var logistics = confirmed.GetProperty("offer").GetProperty("logistics");
        Assert.Equal("Hội trường Tỉnh ủy 2061", logistics.Str("venue"));
        Assert.False(string.IsNullOrWhiteSpace(logistics.StrOrNull("lodging")));
        Assert.False(string.IsNullOrWhiteSpace(logistics.StrOrNull("transport")));
        Assert.False(string.IsNullOrWhiteSpace(logistics.StrOrNull("contact")));
    }

    [Fact]
    public async Task Several_offers_are_answered_in_one_request_all_or_nothing()
    {
        const string cycleId = "2063-2064";
        var (_, offers) = await PublishedAsync(cycleId, courses: 2);
        var lecturerId = offers.GroupBy(o => o.LecturerId).OrderByDescending(g => g.Count()).First().Key;
        var theirs = offers.Where(o => o.LecturerId == lecturerId).ToList();
        Assert.True(theirs.Count >= 2, "the plan gives one lecturer at least two sessions");
        var client = await _session.LecturerAsync(lecturerId);
        var path = $"/api/lecturers/{lecturerId}/answers";

        // A decline without a reason, an unknown assignment, a missing decision: each named, nothing recorded.
        var noReason = await client.PostAsJsonAsync(path, new { answers = new object[] { Accept(theirs[0]), new { assignmentId = theirs[1].AssignmentId, decision = "Decline" } } });
        var unknown = await client.PostAsJsonAsync(path, new { answers = new object[] { Accept(theirs[0]), new { assignmentId = "no-such-offer", decision = "Accept" } } });
        var noDecision = await client.PostRawAsync(path, $$"""{"answers": [{"assignmentId": "{{theirs[0].AssignmentId}}"}]}""");
        var empty = await client.PostAsJsonAsync(path, new { answers = Array.Empty<object>() });
        Assert.Contains("answers[1].reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("answers[1].assignmentId", (await unknown.ProblemAsync(HttpStatusCode.NotFound)).ErrorFields());
        Assert.Contains("answers[0].decision", (await noDecision.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("answers", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // Another lecturer may not answer for them.
        var otherId = lecturerId == "l01" ? "l02" : "l01";
        var intruder = await (await _session.LecturerAsync(otherId)).PostAsJsonAsync(path, new { answers = new object[] { Accept(theirs[0]) } });
        await intruder.ProblemAsync(HttpStatusCode.Forbidden);
        var untouched = await AssignmentsOf(lecturerId, cycleId);
        Assert.All(theirs, o => Assert.Equal("Offered", StatusOf(untouched, o.AssignmentId)));

        var answered = await client.PostJsonAsync(path, new
        {
            answers = new object[] { Accept(theirs[0]), new { assignmentId = theirs[1].AssignmentId, decision = "decline", reason = "Teaching abroad that week." } },
        });

        Assert.Equal(["Accepted", "Declined"], answered.EnumerateArray().Select(a => a.Str("status")));
        var course = await _scenario.CourseAsync(
            theirs[1].CourseId,
            c => Scenario.Session(c, theirs[1].SessionId).StrOrNull("assignmentId") != theirs[1].AssignmentId
                && Scenario.Session(c, theirs[0].SessionId).Str("staffing") == "Accepted",
            "the cycle recorded the acceptance and re-offered the declined session");
        Assert.NotEqual(lecturerId, Scenario.Session(course, theirs[1].SessionId).StrOrNull("lecturerId"));
    }

    [Fact]
    public async Task A_lecturer_withdraws_from_an_accepted_session_with_a_reason_and_it_is_offered_again()
    {
        const string cycleId = "2065-2066";
        var (_, offers) = await PublishedAsync(cycleId);
        var offer = offers[0];
        var client = await _session.LecturerAsync(offer.LecturerId);
        var path = $"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}";

        // An open offer is declined, not withdrawn.
        var open = await client.PostAsJsonAsync($"{path}/withdraw", new { reason = "Ill." });
        Assert.Equal("invalid-status-transition", (await open.ProblemAsync(HttpStatusCode.Conflict)).Str("rule"));
        await client.PostJsonAsync($"{path}/accept", null);

        var noReason = await client.PostAsJsonAsync($"{path}/withdraw", new { reason = " " });
        var otherId = offer.LecturerId == "l01" ? "l02" : "l01";
        var intruder = await (await _session.LecturerAsync(otherId)).PostAsJsonAsync($"{path}/withdraw", new { reason = "Not mine." });
        Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await intruder.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Accepted", StatusOf(await AssignmentsOf(offer.LecturerId, cycleId), offer.AssignmentId));

        var withdrawn = await client.PostJsonAsync($"{path}/withdraw", new { reason = "Long-term study abroad from May." });

        Assert.Equal("Withdrawn", withdrawn.Str("status"));
        Assert.Equal("Lecturer", withdrawn.Str("withdrawnBy"));
        Assert.Equal("Long-term study abroad from May.", withdrawn.Str("withdrawalReason"));
        var course = await _scenario.CourseAsync(
            offer.CourseId, c => Scenario.Session(c, offer.SessionId).StrOrNull("assignmentId") != offer.AssignmentId, "the session was offered again");
        var session = Scenario.Session(course, offer.SessionId);
        Assert.NotEqual(offer.LecturerId, session.StrOrNull("lecturerId"));
        Assert.Contains(session.Str("staffing"), new[] { "Offered", "Unstaffed" });
    }

    [Fact]
    public async Task Unavailable_dates_are_added_and_removed_one_by_one_declining_an_open_offer_and_sparing_an_accepted_one()
    {
        const string cycleId = "2067-2068";
        var (_, offers) = await PublishedAsync(cycleId, courses: 2);
        var (declining, accepting) = (offers[0], offers.First(o => o.LecturerId != offers[0].LecturerId));
        var client = await _session.LecturerAsync(declining.LecturerId);
        var basePath = $"/api/lecturers/{declining.LecturerId}/unavailability";
        var date = (await AssignmentAsync(declining)).GetProperty("offer").Str("date");

        // Another lecturer may not declare dates for them; a date that is not a date is named.
        var otherId = declining.LecturerId == "l01" ? "l02" : "l01";
        var intruderClient = await _session.LecturerAsync(otherId);
        var intruder = await intruderClient.PostAsJsonAsync(basePath, new { date });
        var notADate = await client.PostRawAsync(basePath, """{"date": "2067-02-30"}""");
        await intruder.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("date", (await notADate.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal("Offered", StatusOf(await AssignmentsOf(declining.LecturerId, cycleId), declining.AssignmentId));

        var view = await client.PostJsonAsync(basePath, new { date, reason = "Provincial Party congress" });

        var declined = view.Items("assignments").Single(a => a.GetProperty("offer").Str("assignmentId") == declining.AssignmentId);
        Assert.Equal("Declined", declined.Str("status"));
        Assert.Contains(date, declined.Str("declineReason"), StringComparison.Ordinal);
        var declared = Assert.Single(view.Items("unavailability"), u => u.Str("date") == date);
        Assert.Equal("Provincial Party congress", declared.Str("reason"));
        await _scenario.CourseAsync(
            declining.CourseId, c => Scenario.Session(c, declining.SessionId).StrOrNull("assignmentId") != declining.AssignmentId, "the session was offered again");

        // The date is removed on its own; removing it twice, or a malformed date, is named.
        await (await intruderClient.DeleteAsync($"{basePath}/{date}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains((await client.GetJsonAsync($"/api/lecturers/{declining.LecturerId}")).Items("unavailableDates"), d => d.GetString() == date);
        var removed = await (await client.DeleteAsync($"{basePath}/{date}")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(removed.Items("unavailableDates"), d => d.GetString() == date);
        var again = await client.DeleteAsync($"{basePath}/{date}");
        Assert.Equal("unavailable date", (await again.ProblemAsync(HttpStatusCode.NotFound)).Str("entity"));
        await (await client.DeleteAsync($"{basePath}/2067-02-30")).ProblemAsync(HttpStatusCode.BadRequest);

        // An accepted session's date is refused: the lecturer withdraws instead, and nothing vanishes.
        var acceptingClient = await _session.LecturerAsync(accepting.LecturerId);
        await acceptingClient.PostJsonAsync($"/api/lecturers/{accepting.LecturerId}/assignments/{accepting.AssignmentId}/accept", null);
        var acceptedDate = (await AssignmentAsync(accepting)).GetProperty("offer").Str("date");
        var refused = await acceptingClient.PostAsJsonAsync($"/api/lecturers/{accepting.LecturerId}/unavailability", new { date = acceptedDate });
        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("accepted-session-on-date", problem.Str("rule"));
        Assert.Contains("withdraw", problem.Str("detail"), StringComparison.Ordinal);
        var after = await acceptingClient.GetJsonAsync($"/api/lecturers/{accepting.LecturerId}");
        Assert.DoesNotContain(after.Items("unavailableDates"), d => d.GetString() == acceptedDate);
        Assert.Equal("Accepted", StatusOf(await AssignmentsOf(accepting.LecturerId, cycleId), accepting.AssignmentId));
    }

    [Fact]
    public async Task When_the_host_declines_an_accepted_session_is_kept_at_the_new_host_or_withdrawn_and_the_lecturer_is_told_why()
    {
        const string cycleId = "2069-2070";
        var (plan, offers) = await PublishedAsync(cycleId);
        var offer = offers[0];
        var client = await _session.LecturerAsync(offer.LecturerId);
        await client.PostJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept", null);
        await _scenario.CourseAsync(offer.CourseId, c => Scenario.Session(c, offer.SessionId).Str("staffing") == "Accepted", "the acceptance reached the course");
        var course = plan.Items("courses").Single(c => c.Str("id") == offer.CourseId);
        var host = course.Str("hostProvince");

        await (await _session.ProvinceAsync(host)).PostJsonAsync(
            $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/decline", new { reason = "Provincial congress that month." });

        // Where the lecturer's calendar fits the new host the acceptance stands and names it; otherwise it is withdrawn.
        // Either way the assignment stays in the lecturer's list, saying why.
        var told = await Poll.UntilAsync(
            () => AssignmentAsync(offer),
            a => a.Str("status") == "Withdrawn" || a.GetProperty("offer").Str("provinceCode") != host,
            "the lecturer was told of the host change");
        if (told.Str("status") == "Withdrawn")
        {
            Assert.Equal("Board", told.Str("withdrawnBy"));
            Assert.Contains("declined to host", told.Str("withdrawalReason"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("Accepted", told.Str("status"));
            Assert.Contains("declined to host", told.Str("changeNote"), StringComparison.Ordinal);
            var moved = await _scenario.CourseAsync(offer.CourseId, c => c.Str("hostProvince") != host, "the course moved");
            Assert.Equal(moved.Str("hostProvince"), told.GetProperty("offer").Str("provinceCode"));
            Assert.Equal("Accepted", Scenario.Session(moved, offer.SessionId).Str("staffing"));
        }
    }

    [Fact]
    public async Task A_lecturers_offers_are_read_by_the_lecturer_and_the_board_only()
    {
        const string cycleId = "2071-2072";
        var (plan, offers) = await PublishedAsync(cycleId);
        var offer = offers[0];
        var otherId = offer.LecturerId == "l01" ? "l02" : "l01";
        var other = await _session.LecturerAsync(otherId);
        var host = plan.Items("courses").Single(c => c.Str("id") == offer.CourseId).Str("hostProvince");
        var province = await _session.ProvinceAsync(host);

        await (await other.GetAsync($"/api/lecturers/{offer.LecturerId}/assignments")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/lecturers/{offer.LecturerId}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await other.GetJsonAsync("/api/lecturers")).EnumerateArray(), l => l.Str("id") == offer.LecturerId);
        await (await province.GetAsync($"/api/lecturers/{offer.LecturerId}/assignments")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await province.GetJsonAsync($"/api/lecturers/{offer.LecturerId}")).Items("assignments"));
        Assert.All((await province.GetJsonAsync("/api/lecturers")).EnumerateArray(), l => Assert.Empty(l.Items("assignments")));

        var board = await (await _session.BoardAsync()).GetJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments");
        Assert.Contains(board.EnumerateArray(), a => a.GetProperty("offer").Str("assignmentId") == offer.AssignmentId);
    }

    private static object Accept(Offer offer) => new { assignmentId = offer.AssignmentId, decision = "Accept" };

    private async Task<(JsonElement Plan, List<Offer> Offers)> PublishedAsync(string cycleId, int courses = 1)
    {
        await _scenario.CreateCycleAsync(cycleId, courses);
        var plan = await _scenario.PlanAndPublishAsync(cycleId);
        var offers = Scenario.Offers(plan);
        Assert.NotEmpty(offers);
        return (plan, offers);
    }

    /// <summary>The lecturer's assignments in this test's cycle, read as the lecturer.</summary>
    private async Task<List<JsonElement>> AssignmentsOf(string lecturerId, string cycleId)
    {
        var all = await (await _session.LecturerAsync(lecturerId)).GetJsonAsync($"/api/lecturers/{lecturerId}/assignments");
        return [.. all.EnumerateArray().Where(a => a.GetProperty("offer").Str("cycleId") == cycleId)];
    }

    private async Task<JsonElement> AssignmentAsync(Offer offer) =>
        (await AssignmentsOf(offer.LecturerId, offer.CourseId[..9])).Single(a => a.GetProperty("offer").Str("assignmentId") == offer.AssignmentId);

    private static string StatusOf(List<JsonElement> assignments, string assignmentId) =>
        assignments.Single(a => a.GetProperty("offer").Str("assignmentId") == assignmentId).Str("status");
}
