using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansTraining.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// Ids in a request's body: every body property of the OpenAPI document that names an owner or a subject (a province, a
/// lecturer, a trainee, an assignment…) has a rule in <see cref="BodyOwnerRules"/>, and where the rule says it must be the
/// caller's or the route's own, a body naming another is refused with a problem naming the field, and nothing is written.
/// </summary>
public sealed class BodyOwnerFieldsTests(SqliteGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<SqliteGatewayFixture>
{
    private const string CycleId = "2081-2082";

    /// <summary>The page test's own cycle.</summary>
    private const string PageCycleId = "2083-2084";

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private readonly GatewaySession _session = gateway.Session;

    [Fact]
    public async Task Every_body_property_naming_an_owner_has_a_rule_and_every_rule_a_property()
    {
        var found = OwnerProperties.In(await DocumentAsync()).Select(p => p.ToString()).ToList();
        output.WriteLine(string.Join("\n", found));

        Assert.True(found.Count >= 5, $"only {found.Count} owner-naming body properties found: the walk is broken");
        Assert.True(found.All(BodyOwnerRules.All.ContainsKey), "body properties naming an owner without a rule in BodyOwnerRules:\n" + string.Join("\n", found.Where(p => !BodyOwnerRules.All.ContainsKey(p))));
        Assert.True(BodyOwnerRules.All.Keys.All(found.Contains), "rules for properties no request has any more:\n" + string.Join("\n", BodyOwnerRules.All.Keys.Where(k => !found.Contains(k))));
        var probed = Probes(null).Select(p => p.Property).ToHashSet(StringComparer.Ordinal);
        var unprobed = BodyOwnerRules.All.Where(r => r.Value.Kind is BodyOwnerKind.CallersOwn or BodyOwnerKind.RoutesOwn && !probed.Contains(r.Key)).Select(r => r.Key);
        Assert.Empty(unprobed);
    }

    [Fact]
    public async Task A_body_naming_another_owner_than_the_callers_or_the_routes_is_refused_by_name_and_changes_nothing()
    {
        var world = await HeldCourseAsync(CycleId);
        var connection = gateway.Factory.ConnectionString;
        var failures = new List<string>();

        foreach (var probe in Probes(world))
        {
            var client = probe.Caller is null ? _session.Anonymous() : await _session.AsAsync(probe.Caller);
            var before = await StorageDigest.SettledAsync(connection);
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, probe.Path) { Content = JsonContent.Create(probe.Body) });
            var text = await response.Content.ReadAsStringAsync();
            var after = await StorageDigest.SettledAsync(connection);
            var status = (int)response.StatusCode;
            var fields = status >= 400 && text.Length > 0 ? JsonDocument.Parse(text).RootElement.ErrorFields() : [];
            if (status is not (400 or 403 or 404 or 422) || !fields.Contains(probe.Field))
            {
                failures.Add($"{probe.Property} ({probe.What}): {status} naming [{string.Join(", ", fields)}], expected a refusal naming {probe.Field}: {text}");
            }

            if (after != before)
            {
                failures.Add($"{probe.Property} ({probe.What}): storage changed ({StorageDigest.Difference(before, after)})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_attendance_page_refuses_a_trainee_of_another_course_and_changes_nothing()
    {
        var world = await HeldCourseAsync(PageCycleId);
        var connection = gateway.Factory.ConnectionString;
        var host = await PageCallers.SignedInAsync(gateway.Factory, $"province-{world.Host}");
        var path = $"/board/courses/{world.CourseId}/attendance?handler=Save&day={world.Day}";

        var before = await StorageDigest.SettledAsync(connection);
        using var refused = await host.SendAsync("POST", path, new Dictionary<string, string> { ["present"] = "another-course-trainee" });
        var page = await refused.Content.ReadAsStringAsync();
        var after = await StorageDigest.SettledAsync(connection);
        // The same form naming the course's own trainee is saved: the refusal was for whom it named, not for its shape.
        using var saved = await host.SendAsync("POST", path, new Dictionary<string, string> { ["present"] = world.FirstTrainee });
        var stored = await (await _session.BoardAsync()).GetJsonAsync($"/api/courses/{world.CourseId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("another-course-trainee", page);
        Assert.True(after == before, $"storage changed: {StorageDigest.Difference(before, after)}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var day = Assert.Single(stored.Items("attendance"));
        Assert.Equal([world.FirstTrainee], day.Items("presentTraineeIds").Select(t => t.GetString()));
    }

    /// <summary>One request per rule that says "own": otherwise valid, but naming another's id in the property.</summary>
    private static IEnumerable<Probe> Probes(World? w)
    {
        yield return new Probe("POST /api/courses/{courseId}/nominations provinceCode", "a province nominating for another",
            $"province-{w?.Nominating}", $"/api/courses/{w?.CourseId}/nominations",
            new { trainees = w?.NewTrainees, provinceCode = w?.Other }, "provinceCode");
        yield return new Probe("POST /api/lecturers/{lecturerId}/answers answers[].assignmentId", "a lecturer answering another's offer",
            $"lecturer-{w?.Lecturer}", $"/api/lecturers/{w?.Lecturer}/answers",
            new { answers = new[] { new { assignmentId = w?.OthersAssignment, decision = "Accept" } } }, "answers[0].assignmentId");
        yield return new Probe("POST /api/evaluations/{token} traineeId", "a link rating for another trainee",
            null, $"/api/evaluations/{w?.Link}", new { ratings = w?.Ratings, traineeId = w?.SecondTrainee }, "traineeId");
        yield return new Probe("POST /api/evaluations/{token} ratings[].sessionId", "a link rating another course's session",
            null, $"/api/evaluations/{w?.Link}", new { ratings = w?.RatingsOf(w?.OtherSession) }, "ratings[0].sessionId");
        yield return new Probe("POST /api/courses/{courseId}/evaluations traineeId", "a paper form naming another course's trainee",
            "board", $"/api/courses/{w?.CourseId}/evaluations", new { ratings = w?.Ratings, traineeId = "another-course-trainee" }, "traineeId");
        yield return new Probe("POST /api/courses/{courseId}/evaluations ratings[].sessionId", "a paper form rating another course's session",
            "board", $"/api/courses/{w?.CourseId}/evaluations", new { ratings = w?.RatingsOf(w?.OtherSession) }, "ratings[0].sessionId");
        yield return new Probe("POST /api/courses/{courseId}/attendance presentTraineeIds", "the host marking another course's trainee present",
            $"province-{w?.Host}", $"/api/courses/{w?.CourseId}/attendance", new { day = w?.Day, presentTraineeIds = new[] { "another-course-trainee" } }, "presentTraineeIds[0]");
    }

    /// <summary>
    /// A course of the test's own cycle, held on its first day: its offers accepted, its host confirmed, a trainee each from
    /// two provinces, their evaluation links issued; plus an offer of another lecturer and a session of another course.
    /// </summary>
    private async Task<World> HeldCourseAsync(string cycleId)
    {
        gateway.Clock.Reset();
        var scenario = new Scenario(_session);
        await scenario.CreateCycleAsync(cycleId);
        var plan = await scenario.PlanAndPublishAsync(cycleId);
        var course = Scenario.CoursesAwaitingHost(plan).First();
        var id = course.Str("id");
        var offers = Scenario.Offers(plan);
        var own = offers.Where(o => course.Items("sessions").Any(s => s.StrOrNull("assignmentId") == o.AssignmentId)).ToList();
        var lecturer = own[0].LecturerId;
        var others = offers.First(o => o.LecturerId != lecturer).AssignmentId;
        var sessions = course.Items("sessions").Select(s => s.Str("sessionId")).ToHashSet(StringComparer.Ordinal);
        // Session ids are the course's own ("s01"…): another course's that this one lacks, or one no course has.
        var otherSession = plan.Items("courses").SelectMany(c => c.Items("sessions")).Select(s => s.Str("sessionId")).FirstOrDefault(s => !sessions.Contains(s)) ?? "s99";
        foreach (var offer in own)
        {
            await (await _session.LecturerAsync(offer.LecturerId)).PostJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments/{offer.AssignmentId}/accept", null);
        }

        var host = course.Str("hostProvince");
        await (await _session.ProvinceAsync(host)).PostJsonAsync(
            $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/confirm", Scenario.Logistics("Hội trường Tỉnh ủy"));
        course = await scenario.CourseAsync(id, c => c.Str("status") == "HostConfirmed"
            && c.Items("sessions").All(s => s.Str("staffing") == "Accepted"), "the host's confirmation and the accepted offers reach the course");
        await (await _session.ProvinceAsync("hue")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Huế") });
        course = await (await _session.ProvinceAsync("can-tho")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Cần Thơ") });
        var day = course.Str("start");
        gateway.Clock.Set(new DateTimeOffset(DateOnly.Parse(day, CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), Vietnam));
        var board = await _session.BoardAsync();
        await board.PostJsonAsync($"/api/courses/{id}/held", null);
        var links = await board.PostJsonAsync($"/api/courses/{id}/evaluation-links", null);
        var first = links.EnumerateArray().First();
        var second = links.EnumerateArray().First(l => l.Str("traineeId") != first.Str("traineeId")).Str("traineeId");
        return new World(
            id, host, "hue", host == "ha-noi" ? "lai-chau" : "ha-noi", lecturer, others, first.Str("token"), first.Str("traineeId"), second, day,
            [.. course.Items("sessions").Select(s => s.Str("sessionId"))], otherSession, Scenario.Trainees(course, 1, "Huế thêm"));
    }

    private async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await (await _session.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!.AsObject();

    private sealed record Probe(string Property, string What, string? Caller, string Path, object Body, string Field);

    private sealed record World(
        string CourseId, string Host, string Nominating, string Other, string Lecturer, string OthersAssignment, string Link, string FirstTrainee,
        string SecondTrainee, string Day, string[] Sessions, string OtherSession, object[] NewTrainees)
    {
        public object[] Ratings => RatingsOf(null);

        /// <summary>Every session rated; the first replaced by <paramref name="first"/> when given.</summary>
        public object[] RatingsOf(string? first) =>
            [.. Sessions.Select((s, i) => new { sessionId = i == 0 && first is not null ? first : s, content = 4, method = 4, usefulness = 5 })];
    }
}
