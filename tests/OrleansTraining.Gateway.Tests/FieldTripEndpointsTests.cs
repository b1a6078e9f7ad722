using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// Field trips through the API: travel days between stops, dates inside the cycle, the order with the fewest travel
/// days, replacing a declined stop, changing and cancelling; only the board does these, and a refusal changes nothing.
/// </summary>
public sealed class FieldTripEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly IGrainFactory _grains = gateway.Factory.Services.GetRequiredService<IGrainFactory>();
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    private static object Stop(string province, string start, string? end = null, string topic = "Cadre planning") =>
        new { provinceCode = province, start, end = end ?? start, briefingTopics = new[] { topic }, sessions = 1 };

    private static object Trip(params object[] stops) =>
        new { className = "Organisation cadres, intake 3", tripNumber = 1, tripCount = 1, stops, participantCount = 40, participantProvinceCount = 20 };

    /// <summary>A new cycle's first course (not planned yet: the cycle's dates bound its trips).</summary>
    private async Task<string> CourseAsync(string cycleId)
    {
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        return $"{cycleId}-c01";
    }

    private async Task<JsonElement> RequestsAsync(string province) =>
        await (await _session.BoardAsync()).GetJsonAsync($"/api/provinces/{province}/hosting-requests");

    [Fact]
    public async Task Can_Tho_then_Ha_Noi_on_the_same_day_is_422_naming_the_stop_and_creates_nothing()
    {
        var courseId = await CourseAsync("2061-2062");
        var board = await _session.BoardAsync();

        var sameDay = await board.PostAsJsonAsync($"/api/courses/{courseId}/field-trips", Trip(Stop("can-tho", "2061-05-04"), Stop("ha-noi", "2061-05-04")));
        var outside = await board.PostAsJsonAsync($"/api/courses/{courseId}/field-trips", Trip(Stop("hue", "2063-05-04")));

        Assert.Contains("stops[1].start", (await sameDay.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Contains("stops[0].start", (await outside.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Empty((await _scenario.CourseAsync(courseId)).Items("fieldTripIds"));
        Assert.DoesNotContain((await RequestsAsync("ha-noi")).EnumerateArray(), r => r.GetProperty("request").Str("courseId") == courseId);
        await board.PostJsonAsync($"/api/courses/{courseId}/field-trips", Trip(Stop("can-tho", "2061-05-04"), Stop("ha-noi", "2061-05-06")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_suggested_order_needs_the_fewest_travel_days()
    {
        var courseId = await CourseAsync("2063-2064");
        var board = await _session.BoardAsync();
        var trip = await board.PostJsonAsync($"/api/courses/{courseId}/field-trips", Trip(
            Stop("ha-noi", "2063-05-04"), Stop("can-tho", "2063-05-06"), Stop("hai-phong", "2063-05-08"), Stop("ca-mau", "2063-05-10")), HttpStatusCode.Created);

        var suggestion = await board.GetJsonAsync($"/api/field-trips/{trip.Str("id")}/suggested-order");

        Assert.Equal(3, suggestion.GetProperty("currentTravelDays").GetInt32());
        Assert.Equal(1, suggestion.GetProperty("travelDays").GetInt32());
        Assert.True(suggestion.GetProperty("exact").GetBoolean());
        var provinces = suggestion.Items("provinces").Select(p => p.GetString()).ToList();
        Assert.Equal(1, Math.Abs(provinces.IndexOf("ha-noi") - provinces.IndexOf("hai-phong")));
        Assert.Equal(1, Math.Abs(provinces.IndexOf("can-tho") - provinces.IndexOf("ca-mau")));
        await (await (await _session.ProvinceAsync("hue")).GetAsync($"/api/field-trips/{trip.Str("id")}/suggested-order")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_declined_stop_gets_replacements_and_the_board_picks_one_which_gets_a_hosting_request()
    {
        var courseId = await CourseAsync("2065-2066");
        var board = await _session.BoardAsync();
        var trip = await board.PostJsonAsync($"/api/courses/{courseId}/field-trips", Trip(Stop("hue", "2065-05-04"), Stop("da-nang", "2065-05-05")), HttpStatusCode.Created);
        var tripId = trip.Str("id");
        var hue = await _session.ProvinceAsync("hue");
        await hue.PostJsonAsync($"/api/provinces/hue/hosting-requests/{trip.Items("stops").First().Str("hostingRequestId")}/decline", new { reason = "Provincial congress" });
        await WaitAsync(tripId, t => t.Items("stops").First().Str("status") == "Declined", "the decline reached the trip");

        var replacements = (await board.GetJsonAsync($"/api/field-trips/{tripId}/stops/1/replacements")).EnumerateArray().ToList();

        Assert.NotEmpty(replacements);
        Assert.DoesNotContain(replacements, r => r.Str("provinceCode") is "hue" or "da-nang");
        Assert.Equal(replacements.Select(r => r.GetProperty("roadKm").GetInt32()).Order(), replacements.Select(r => r.GetProperty("roadKm").GetInt32()));
        var pick = replacements[0].Str("provinceCode");

        // A province may not pick; a bad pick names the field; neither changes the trip.
        await (await hue.PutAsJsonAsync($"/api/field-trips/{tripId}/stops/1", new { provinceCode = pick })).ProblemAsync(HttpStatusCode.Forbidden);
        var tooFar = await board.PutAsJsonAsync($"/api/field-trips/{tripId}/stops/1", new { provinceCode = "ca-mau" });
        Assert.Contains("provinceCode", (await tooFar.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal("hue", (await board.GetJsonAsync($"/api/field-trips/{tripId}")).Items("stops").First().Str("provinceCode"));

        var moved = await board.PutJsonAsync($"/api/field-trips/{tripId}/stops/1", new { provinceCode = pick });

        var stop = moved.Items("stops").First();
        Assert.Equal((pick, "Requested"), (stop.Str("provinceCode"), stop.Str("status")));
        var request = Assert.Single((await RequestsAsync(pick)).EnumerateArray(), r => r.GetProperty("request").Str("requestId") == stop.Str("hostingRequestId"));
        Assert.Equal("Pending", request.Str("status"));
        Assert.Equal(tripId, request.GetProperty("request").Str("fieldTripId"));
    }

    [Fact]
    public async Task The_board_changes_or_cancels_a_trip_and_the_stops_requests_are_withdrawn()
    {
        var courseId = await CourseAsync("2067-2068");
        var board = await _session.BoardAsync();
        var trip = await board.PostJsonAsync($"/api/courses/{courseId}/field-trips", Trip(Stop("hue", "2067-05-04"), Stop("da-nang", "2067-05-05")), HttpStatusCode.Created);
        var tripId = trip.Str("id");
        var daNangRequest = trip.Items("stops").Last().Str("hostingRequestId");
        var hue = await _session.ProvinceAsync("hue");

        // A province can neither change nor cancel it, and nothing changes.
        await (await hue.PutAsJsonAsync($"/api/field-trips/{tripId}", Trip(Stop("hue", "2067-05-04")))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await hue.DeleteAsync($"/api/field-trips/{tripId}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(2, (await board.GetJsonAsync($"/api/field-trips/{tripId}")).Items("stops").Count());

        var badChange = await board.PutAsJsonAsync($"/api/field-trips/{tripId}", Trip(Stop("hue", "2067-05-04"), Stop("ca-mau", "2067-05-04")));
        Assert.Contains("stops[1].start", (await badChange.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        var changed = await board.PutJsonAsync($"/api/field-trips/{tripId}", Trip(Stop("hue", "2067-05-04"), Stop("quang-ngai", "2067-05-06"))); // a travel day from Huế

        Assert.Equal(["hue", "quang-ngai"], changed.Items("stops").Select(s => s.Str("provinceCode")));
        Assert.Equal(trip.Items("stops").First().Str("hostingRequestId"), changed.Items("stops").First().Str("hostingRequestId"));
        Assert.Equal("Withdrawn", Request(await RequestsAsync("da-nang"), daNangRequest).Str("status"));
        Assert.Equal("Pending", Request(await RequestsAsync("quang-ngai"), changed.Items("stops").Last().Str("hostingRequestId")).Str("status"));

        var cancelled = await (await board.DeleteAsync($"/api/field-trips/{tripId}?reason=Class%20postponed")).JsonAsync(HttpStatusCode.OK);

        Assert.True(cancelled.GetProperty("cancelled").GetBoolean());
        Assert.Equal("Withdrawn", Request(await RequestsAsync("hue"), trip.Items("stops").First().Str("hostingRequestId")).Str("status"));
        Assert.Equal("Withdrawn", Request(await RequestsAsync("quang-ngai"), changed.Items("stops").Last().Str("hostingRequestId")).Str("status"));
        await (await board.PutAsJsonAsync($"/api/field-trips/{tripId}", Trip(Stop("hue", "2067-05-04")))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_stop_answer_the_trip_refuses_is_an_escalation_the_board_sees_in_the_cycle_and_its_notifications()
    {
        var courseId = await CourseAsync("2161-2162");
        var board = await _session.BoardAsync();
        var trip = await board.PostJsonAsync($"/api/courses/{courseId}/field-trips", Trip(Stop("hue", "2161-05-04")), HttpStatusCode.Created);
        var tripId = trip.Str("id");
        // Đà Nẵng's answer to Huế's stop (a province answering what it was never asked) can never apply.
        var wrong = new FollowUp(
            $"da-nang:{trip.Items("stops").First().Str("hostingRequestId")}:answer", FollowUpKind.StopAnswered, tripId, DateTimeOffset.UtcNow,
            Stop: new StopAnswer(1, "da-nang", null, "Not ours"));

        await _grains.GetGrain<IFieldTripGrain>(tripId).ReceiveFollowUpAsync(wrong, _grains.GetGrain<IProvinceGrain>("da-nang"));

        var escalations = await Poll.UntilAsync(
            () => board.GetJsonAsync("/api/cycles/2161-2162/escalations"), e => e.GetArrayLength() > 0, "the refusal reached the cycle");
        var escalation = Assert.Single(escalations.EnumerateArray());
        Assert.Equal(("DecisionRefused", courseId, wrong.Id), (escalation.Str("kind"), escalation.Str("courseId"), escalation.Str("subjectKey")));
        Assert.Contains("da-nang declined stop 1", escalation.Str("detail"), StringComparison.Ordinal);
        var bell = await Poll.UntilAsync(
            () => board.GetJsonAsync("/api/notifications?take=100"),
            p => p.Items("items").Any(n => n.Str("id") == $"escalation:2161-2162:{escalation.Str("id")}"),
            "the board's bell rang");
        Assert.Equal("/board/cycles/2161-2162", bell.Items("items").Single(n => n.Str("id") == $"escalation:2161-2162:{escalation.Str("id")}").Str("link"));
        Assert.Equal("Requested", (await board.GetJsonAsync($"/api/field-trips/{tripId}")).Items("stops").First().Str("status"));
        await (await (await _session.ProvinceAsync("da-nang")).GetAsync("/api/cycles/2161-2162/escalations")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static JsonElement Request(JsonElement requests, string requestId) =>
        requests.EnumerateArray().Single(r => r.GetProperty("request").Str("requestId") == requestId);

    private async Task<JsonElement> WaitAsync(string tripId, Func<JsonElement, bool> done, string because)
    {
        var board = await _session.BoardAsync();
        return await Poll.UntilAsync(() => board.GetJsonAsync($"/api/field-trips/{tripId}"), done, because);
    }
}
