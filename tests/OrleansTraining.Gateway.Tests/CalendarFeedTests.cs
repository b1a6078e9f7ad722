using System.Net;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// A lecturer's calendar feed at a secret address: read by an independent parser (python3-icalendar), following the
/// plan's changes, dead once rotated or revoked, and managed only by the lecturer it belongs to.
/// </summary>
public sealed class CalendarFeedTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task The_feed_parses_elsewhere_and_follows_an_accept_a_decline_and_a_new_offer()
    {
        var offers = await PublishedOffersAsync("2101-2102");
        var lecturerId = offers.GroupBy(o => o.LecturerId).OrderByDescending(g => g.Count()).First().Key;
        var theirs = offers.Where(o => o.LecturerId == lecturerId).ToList();
        Assert.True(theirs.Count >= 2, "the plan gives one lecturer at least two sessions");
        var url = await RotateAsync(lecturerId);

        var response = await _session.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var feed = await IndependentIcalendar.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Asia/Ho_Chi_Minh", feed.TimeZones);
        foreach (var offer in theirs)
        {
            var details = (await AssignmentAsync(offer)).GetProperty("offer");
            var parsed = feed.Event(offer.AssignmentId);
            Assert.NotNull(parsed);
            Assert.Equal("TENTATIVE", parsed.Status);
            Assert.Contains(details.Str("topicTitle"), parsed.Summary, StringComparison.Ordinal);
            Assert.Contains(details.Str("courseTitle"), parsed.Summary, StringComparison.Ordinal);
            Assert.Contains(details.Str("provinceName"), parsed.Location, StringComparison.Ordinal);
            var (start, end) = details.Str("slot") == "Morning" ? ("07:30:00", "11:30:00") : ("13:30:00", "17:00:00");
            Assert.Equal($"{details.Str("date")}T{start}+07:00", parsed.Start);
            Assert.Equal($"{details.Str("date")}T{end}+07:00", parsed.End);
        }

        // The lecturer accepts one offer and declines another: same events (same UIDs), new statuses.
        var client = await _session.LecturerAsync(lecturerId);
        await client.PostJsonAsync($"/api/lecturers/{lecturerId}/assignments/{theirs[0].AssignmentId}/accept", null);
        var declined = theirs[1];
        await client.PostJsonAsync($"/api/lecturers/{lecturerId}/assignments/{declined.AssignmentId}/decline", new { reason = "Teaching abroad that week." });

        var after = await FeedAsync(url);
        Assert.Equal("CONFIRMED", after.Event(theirs[0].AssignmentId)?.Status);
        Assert.Equal("CANCELLED", after.Event(declined.AssignmentId)?.Status);

        // The declined session goes to another lecturer: a new event appears in that lecturer's own feed.
        var next = await NextOfferAsync(declined);
        Assert.NotEqual(lecturerId, next.LecturerId);
        var nextFeed = await FeedAsync(await RotateAsync(next.LecturerId));
        Assert.Equal("TENTATIVE", nextFeed.Event(next.AssignmentId)?.Status);
        Assert.Null(after.Event(next.AssignmentId));

        // The host confirms its logistics: the accepted session's location names the venue.
        var course = await _scenario.CourseAsync(theirs[0].CourseId);
        var host = course.Str("hostProvince");
        await (await _session.ProvinceAsync(host)).PostJsonAsync(
            $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/confirm", Scenario.Logistics("Hội trường Tỉnh ủy 2101"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!(await FeedAsync(url)).Event(theirs[0].AssignmentId)!.Location.StartsWith("Hội trường Tỉnh ủy 2101, ", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "The venue did not reach the feed.");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task A_rotated_or_revoked_address_answers_404_and_so_does_an_unknown_one()
    {
        var offers = await PublishedOffersAsync("2103-2104");
        var lecturerId = offers[0].LecturerId;
        var client = await _session.LecturerAsync(lecturerId);
        var anonymous = _session.Anonymous();

        var first = await RotateAsync(lecturerId);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);
        using (var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, first)))
        {
            // A calendar application checking the address before it subscribes.
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("text/calendar", head.Content.Headers.ContentType?.MediaType);
        }

        var status = await client.GetJsonAsync($"/api/lecturers/{lecturerId}/calendar-feed");
        Assert.True(status.GetProperty("active").GetBoolean());

        var second = await RotateAsync(lecturerId);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/lecturers/{lecturerId}/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
        Assert.False((await client.GetJsonAsync($"/api/lecturers/{lecturerId}/calendar-feed")).GetProperty("active").GetBoolean());

        // A guessed secret, a lecturer that does not exist, and no secret at all.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{lecturerId}.not-the-secret.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/no-such-lecturer.abc.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{lecturerId}.ics")).StatusCode);
    }

    [Fact]
    public async Task Another_lecturer_and_the_board_cannot_rotate_or_revoke_someone_elses_feed()
    {
        var offers = await PublishedOffersAsync("2105-2106");
        var victim = offers[0].LecturerId;
        var intruderId = victim == "l01" ? "l02" : "l01";
        var url = await RotateAsync(victim);
        var path = $"/api/lecturers/{victim}/calendar-feed";

        var intruder = await _session.LecturerAsync(intruderId);
        await (await intruder.PostAsync(path, null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await intruder.DeleteAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await intruder.GetAsync(path)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await _session.BoardAsync()).PostAsync(path, null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await _session.Anonymous().PostAsync(path, null)).ProblemAsync(HttpStatusCode.Unauthorized);

        // The victim's address still works: nothing was rotated or revoked.
        Assert.Equal(HttpStatusCode.OK, (await _session.Anonymous().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_feed_speaks_english_at_its_english_address_and_refuses_a_language_it_does_not_speak()
    {
        var offers = await PublishedOffersAsync("2115-2116");
        var lecturerId = offers[0].LecturerId;
        var created = await (await _session.LecturerAsync(lecturerId)).PostJsonAsync($"/api/lecturers/{lecturerId}/calendar-feed", null);
        var vietnamese = new Uri(created.Str("url")).PathAndQuery;
        var english = new Uri(created.Str("englishUrl")).PathAndQuery;
        Assert.Equal(vietnamese + "?lang=en", english);

        var vi = await FeedTextAsync(vietnamese);
        var en = await FeedTextAsync(english);

        Assert.Contains("X-WR-CALNAME:Lịch giảng", vi, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Lớp: ", vi, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Teaching calendar", en, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Course: ", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Lớp: ", en, StringComparison.Ordinal);
        var (viFeed, enFeed) = (await IndependentIcalendar.ParseAsync(vi), await IndependentIcalendar.ParseAsync(en));
        Assert.Equal(viFeed.Events.Select(e => (e.Uid, e.Status, e.Start, e.End)), enFeed.Events.Select(e => (e.Uid, e.Status, e.Start, e.End)));
        var province = OrleansTraining.Grains.Provinces.ProvinceDirectory.Get((await AssignmentAsync(offers[0])).GetProperty("offer").Str("provinceCode"));
        Assert.Equal(province.NameEn, enFeed.Event(offers[0].AssignmentId)!.Location);
        Assert.Equal(province.NameVi, viFeed.Event(offers[0].AssignmentId)!.Location);

        var unknown = await _session.Anonymous().GetAsync(vietnamese + "?lang=fr");
        Assert.Contains("lang", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    private async Task<string> FeedTextAsync(string path)
    {
        var response = await _session.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<Offer>> PublishedOffersAsync(string cycleId)
    {
        await _scenario.CreateCycleAsync(cycleId, courses: 2);
        var offers = Scenario.Offers(await _scenario.PlanAndPublishAsync(cycleId));
        Assert.NotEmpty(offers);
        foreach (var offer in offers)
        {
            await AssignmentAsync(offer); // delivered to the lecturer before the test reads the feed
        }

        return offers;
    }

    private async Task<string> RotateAsync(string lecturerId)
    {
        var created = await (await _session.LecturerAsync(lecturerId)).PostJsonAsync($"/api/lecturers/{lecturerId}/calendar-feed", null);
        var url = created.Str("url");
        Assert.Matches($"/calendar/{lecturerId}\\.[A-Za-z0-9_-]{{43}}\\.ics$", url);
        return new Uri(url).PathAndQuery;
    }

    private async Task<ParsedCalendar> FeedAsync(string path)
    {
        var response = await _session.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await IndependentIcalendar.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The offer the cycle made to the next lecturer after <paramref name="declined"/> was declined.</summary>
    private async Task<Offer> NextOfferAsync(Offer declined)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var course = await _scenario.CourseAsync(declined.CourseId);
            var session = Scenario.Session(course, declined.SessionId);
            if (session.StrOrNull("assignmentId") is { } id && id != declined.AssignmentId && session.StrOrNull("lecturerId") is { } lecturer)
            {
                var next = new Offer(declined.CourseId, declined.SessionId, lecturer, id);
                await AssignmentAsync(next);
                return next;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The declined session was not offered again: {session}");
            await Task.Delay(25);
        }
    }

    /// <summary>The lecturer's assignment, once the cycle delivered it.</summary>
    private async Task<JsonElement> AssignmentAsync(Offer offer)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var client = await _session.LecturerAsync(offer.LecturerId);
        while (true)
        {
            var all = await client.GetJsonAsync($"/api/lecturers/{offer.LecturerId}/assignments");
            if (all.EnumerateArray().FirstOrDefault(a => a.GetProperty("offer").Str("assignmentId") == offer.AssignmentId) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The offer {offer.AssignmentId} did not reach {offer.LecturerId}.");
            await Task.Delay(25);
        }
    }
}
