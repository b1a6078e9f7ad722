using System.Net;
using System.Text;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Ids of whitespace or control characters, and arrays holding nulls: a 4xx problem, never a 500, nothing written.</summary>
public sealed class OddInputTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;

    [Theory]
    [InlineData("GET", "/api/cycles/%20")]
    [InlineData("GET", "/api/cycles/%01%02")]
    [InlineData("POST", "/api/cycles/%20/plan")]
    [InlineData("GET", "/api/courses/%20")]
    [InlineData("GET", "/api/courses/%0A")]
    [InlineData("GET", "/api/field-trips/%20")]
    [InlineData("GET", "/api/lecturers/%20")]
    [InlineData("GET", "/api/curricula/%20")]
    [InlineData("GET", "/api/provinces/%20/hosting-requests")]
    [InlineData("GET", "/api/courses/%20/materials")]
    [InlineData("POST", "/api/cycles/%20/courses/%20/cancel")]
    public async Task Whitespace_or_control_character_ids_are_a_problem_not_a_500(string method, string path)
    {
        var board = await _session.BoardAsync();

        var response = await board.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("""{"reason": "x"}""", Encoding.UTF8, "application/json"),
        });

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/cycles", """{"id": "2081-2082", "start": "2081-01-05", "end": "2082-12-18", "curriculumVersion": "2027", "courses": [null]}""")]
    [InlineData("/api/cycles", """{"id": "2081-2082", "start": "2081-01-05", "end": "2082-12-18", "curriculumVersion": "2027", "courses": [{"title": "x", "audience": {"positions": [null], "levels": ["Provincial"]}, "capacity": 60, "quotaPerProvince": 2}]}""")]
    [InlineData("/api/cycles", """{"id": "2081-2082", "start": "2081-01-05", "end": "2082-12-18", "curriculumVersion": "2027", "courses": [{"title": "x", "audience": null, "capacity": 60, "quotaPerProvince": 2, "topics": [null]}]}""")]
    [InlineData("/api/cycles", """{"id": " \u0001 ", "start": "2081-01-05", "end": "2082-12-18", "curriculumVersion": "2027"}""")]
    [InlineData("/api/lecturers/l01/answers", """{"answers": [null]}""")]
    [InlineData("/api/courses/2027-2028-c01/nominations", """{"trainees": [null]}""")]
    public async Task Nulls_in_arrays_and_odd_ids_in_bodies_are_a_problem_not_a_500(string path, string body)
    {
        var client = path.StartsWith("/api/lecturers", StringComparison.Ordinal) ? await _session.LecturerAsync("l01")
            : path.Contains("nominations", StringComparison.Ordinal) ? await _session.ProvinceAsync("hue")
            : await _session.BoardAsync();

        var response = await client.PostRawAsync(path, body);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await (await (await _session.BoardAsync()).GetAsync("/api/cycles/2081-2082")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
