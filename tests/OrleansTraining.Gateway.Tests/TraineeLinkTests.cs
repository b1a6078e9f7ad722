using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>
/// A nominee's personal reusable link (issue 8, materials in advance): issued and rotated by the board or the nominating
/// province for its own trainees, read without an account, opening the materials from the set day before the start.
/// </summary>
public sealed class TraineeLinkTests(ClockedGatewayFixture gateway) : IClassFixture<ClockedGatewayFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task The_board_and_a_nominating_province_issue_and_rotate_links_another_province_is_refused_and_changes_nothing()
    {
        var (id, course) = await NominatedCourseAsync("2071-2072");
        var hueTrainee = Nominee(course, "hue");
        var board = await _session.BoardAsync();
        var anonymous = _session.Anonymous();

        var byBoard = await board.PostJsonAsync($"/api/courses/{id}/trainee-links", null);
        Assert.Equal(2, byBoard.GetArrayLength());
        var boardTokens = byBoard.EnumerateArray().ToDictionary(l => l.Str("traineeId"), l => l.Str("token"));
        var seen = await anonymous.GetJsonAsync($"/api/trainee/{boardTokens[hueTrainee]}");
        Assert.Equal(hueTrainee, seen.GetProperty("course").Str("traineeId"));
        Assert.Equal(course.Str("title"), seen.GetProperty("course").Str("title"));
        Assert.Equal(course.Str("start"), seen.GetProperty("course").Str("start"));
        Assert.NotEmpty(seen.GetProperty("course").Items("sessions"));

        // Another province, with no nominee here, and a lecturer are refused; every link still works.
        await (await (await _session.ProvinceAsync("ha-noi")).PostAsync($"/api/courses/{id}/trainee-links", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await _session.LecturerAsync("l01")).PostAsync($"/api/courses/{id}/trainee-links", null)).ProblemAsync(HttpStatusCode.Forbidden);
        foreach (var token in boardTokens.Values)
        {
            await anonymous.GetJsonAsync($"/api/trainee/{token}");
        }

        // Huế rotates its own trainee's link only: the old one stops working, Cần Thơ's stays.
        var byHue = await (await _session.ProvinceAsync("hue")).PostJsonAsync($"/api/courses/{id}/trainee-links", null);
        Assert.Equal([hueTrainee], byHue.EnumerateArray().Select(l => l.Str("traineeId")).ToArray());
        var rotated = byHue[0].Str("token");
        Assert.NotEqual(boardTokens[hueTrainee], rotated);
        await (await anonymous.GetAsync($"/api/trainee/{boardTokens[hueTrainee]}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(hueTrainee, (await anonymous.GetJsonAsync($"/api/trainee/{rotated}")).GetProperty("course").Str("traineeId"));
        await anonymous.GetJsonAsync($"/api/trainee/{boardTokens[Nominee(course, "can-tho")]}");
    }

    [Fact]
    public async Task Unknown_and_malformed_tokens_and_a_withdrawn_nominees_link_are_not_found()
    {
        var (id, course) = await NominatedCourseAsync("2073-2074");
        var hueTrainee = Nominee(course, "hue");
        var links = await (await _session.BoardAsync()).PostJsonAsync($"/api/courses/{id}/trainee-links", null);
        var token = links.EnumerateArray().Single(l => l.Str("traineeId") == hueTrainee).Str("token");
        var anonymous = _session.Anonymous();

        await (await anonymous.GetAsync($"/api/trainee/{id}.not-a-real-secret")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/trainee/no-dot-at-all")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/trainee/no-such-course.{token[(token.LastIndexOf('.') + 1)..]}")).ProblemAsync(HttpStatusCode.NotFound);
        await anonymous.GetJsonAsync($"/api/trainee/{token}");

        var withdrawn = await (await _session.ProvinceAsync("hue")).DeleteAsync($"/api/courses/{id}/nominations/{hueTrainee}");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        await (await anonymous.GetAsync($"/api/trainee/{token}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/trainee/{token}/materials")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_materials_open_to_a_trainee_from_the_set_day_before_the_start_and_download_unchanged()
    {
        var (id, course) = await NominatedCourseAsync("2075-2076");
        var board = await _session.BoardAsync();
        var topic = course.Items("sessions").First().Str("topicCode");
        var stored = await (await board.PostAsync($"/api/courses/{id}/materials", Form(topic, "doc-truoc.pdf", Pdf))).JsonAsync(HttpStatusCode.Created);
        var token = (await board.PostJsonAsync($"/api/courses/{id}/trainee-links", null))[0].Str("token");
        var anonymous = _session.Anonymous();

        var before = await anonymous.GetJsonAsync($"/api/trainee/{token}");
        Assert.False(before.GetProperty("course").GetProperty("materialsOpen").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("materials").ValueKind);
        var opens = DateOnly.Parse(before.GetProperty("course").Str("materialsFrom"), CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(course.Str("start"), CultureInfo.InvariantCulture).AddDays(-14), opens);
        await (await anonymous.GetAsync($"/api/trainee/{token}/materials")).ProblemAsync(HttpStatusCode.Conflict);
        await (await anonymous.GetAsync($"/api/trainee/{token}/materials/{stored.Str("id")}")).ProblemAsync(HttpStatusCode.Conflict);

        try
        {
            gateway.Clock.Set(new DateTimeOffset(opens.ToDateTime(new TimeOnly(8, 0)), Vietnam));
            var open = await anonymous.GetJsonAsync($"/api/trainee/{token}");
            Assert.True(open.GetProperty("course").GetProperty("materialsOpen").GetBoolean());
            Assert.Equal([stored.Str("id")], open.GetProperty("materials").Items("files").Select(f => f.Str("id")).ToArray());
            var download = await anonymous.GetAsync($"/api/trainee/{token}/materials/{stored.Str("id")}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            await (await anonymous.GetAsync($"/api/trainee/{token}/materials/m999")).ProblemAsync(HttpStatusCode.NotFound);
        }
        finally
        {
            gateway.Clock.Reset();
        }
    }

    /// <summary>A published one-course cycle with one trainee nominated by Huế and one by Cần Thơ.</summary>
    private async Task<(string Id, JsonElement Course)> NominatedCourseAsync(string cycleId)
    {
        gateway.Clock.Reset();
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var plan = await _scenario.PlanAndPublishAsync(cycleId);
        var id = Scenario.Offers(plan).First().CourseId;
        var course = await _scenario.CourseAsync(id);
        await (await _session.ProvinceAsync("hue")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Huế") });
        var nominated = await (await _session.ProvinceAsync("can-tho")).PostJsonAsync($"/api/courses/{id}/nominations", new { trainees = Scenario.Trainees(course, 1, "Cần Thơ") });
        return (id, nominated);
    }

    private static string Nominee(JsonElement course, string province) =>
        course.Items("trainees").Single(t => t.Str("provinceCode") == province).Str("traineeId");

    private static MultipartFormDataContent Form(string topicCode, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { new StringContent(topicCode), "topicCode" }, { file, "file", fileName } };
    }
}
