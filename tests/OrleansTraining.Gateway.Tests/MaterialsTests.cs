using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Course materials: uploaded per topic by the board or the topic's lecturer, type- and size-checked, kept in the database.</summary>
public sealed class MaterialsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task A_lecturer_uploads_their_topics_file_and_those_the_course_concerns_download_it_unchanged()
    {
        var (courseId, course, offer) = await PublishedCourseAsync("2061-2062");
        var topic = Scenario.Session(course, offer.SessionId).Str("topicCode");
        var lecturer = await _session.LecturerAsync(offer.LecturerId);

        var stored = await (await lecturer.PostAsync($"/api/courses/{courseId}/materials", Form(topic, "bai-giang.pdf", Pdf))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("application/pdf", stored.Str("contentType"));
        Assert.Equal($"lecturer:{offer.LecturerId}", stored.Str("uploadedBy"));

        var host = await _session.ProvinceAsync(course.Str("hostProvince"));
        var listed = await host.GetJsonAsync($"/api/courses/{courseId}/materials");
        Assert.Contains(listed.Items("files"), f => f.Str("id") == stored.Str("id") && f.Str("topicCode") == topic);
        Assert.DoesNotContain(topic, listed.Items("missingTopics").Select(t => t.GetString()));
        var download = await host.GetAsync($"/api/courses/{courseId}/materials/{stored.Str("id")}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Wrong_types_unknown_topics_and_strangers_are_refused_and_nothing_is_stored()
    {
        var (courseId, course, offer) = await PublishedCourseAsync("2063-2064");
        var topic = Scenario.Session(course, offer.SessionId).Str("topicCode");
        var board = await _session.BoardAsync();

        var renamed = await (await board.PostAsync($"/api/courses/{courseId}/materials", Form(topic, "setup.pdf", [0x4D, 0x5A, 0x90, 0x00]))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(renamed.GetProperty("errors").TryGetProperty("file", out _));
        var script = await (await board.PostAsync($"/api/courses/{courseId}/materials", Form(topic, "run.sh", Encoding.UTF8.GetBytes("#!/bin/sh")))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(script.GetProperty("errors").TryGetProperty("file", out _));
        var tooBig = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(tooBig, 0);
        var big = await (await board.PostAsync($"/api/courses/{courseId}/materials", Form(topic, "big.pdf", tooBig))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most", big.GetProperty("errors").GetProperty("file")[0].GetString());
        var unknown = await (await board.PostAsync($"/api/courses/{courseId}/materials", Form("no-such-topic", "a.pdf", Pdf))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("topicCode", out _));

        // A lecturer who teaches nothing in the course, and a province it does not concern.
        var teachers = course.Items("sessions").Select(s => s.StrOrNull("lecturerId")).ToHashSet();
        var stranger = Enumerable.Range(1, 40).Select(i => $"l{i:00}").First(id => !teachers.Contains(id));
        await (await (await _session.LecturerAsync(stranger)).PostAsync($"/api/courses/{courseId}/materials", Form(topic, "a.pdf", Pdf))).ProblemAsync(HttpStatusCode.Forbidden);
        var otherProvince = new[] { "ca-mau", "lai-chau" }.First(p => p != course.Str("hostProvince"));
        await (await (await _session.ProvinceAsync(otherProvince)).GetAsync($"/api/courses/{courseId}/materials")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await _session.ProvinceAsync(course.Str("hostProvince"))).PostAsync($"/api/courses/{courseId}/materials", Form(topic, "a.pdf", Pdf))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Empty((await board.GetJsonAsync($"/api/courses/{courseId}/materials")).Items("files"));
    }

    [Fact]
    public async Task When_every_topic_has_a_file_the_materials_are_ready_and_the_course_records_the_day()
    {
        var (courseId, course, offer) = await PublishedCourseAsync("2065-2066");
        var board = await _session.BoardAsync();
        var topics = course.Items("sessions").Select(s => s.Str("topicCode")).Distinct().ToList();

        foreach (var topic in topics.Skip(1))
        {
            await (await board.PostAsync($"/api/courses/{courseId}/materials", Form(topic, $"{topic}.pdf", Pdf))).JsonAsync(HttpStatusCode.Created);
        }

        var partial = await board.GetJsonAsync($"/api/courses/{courseId}/materials");
        Assert.Equal(JsonValueKind.Null, partial.GetProperty("readyAt").ValueKind);
        Assert.Equal(topics[0], Assert.Single(partial.Items("missingTopics")).GetString());

        var last = await (await board.PostAsync($"/api/courses/{courseId}/materials", Form(topics[0], "ghi-chu.txt", Encoding.UTF8.GetBytes("Tài liệu đọc trước")))).JsonAsync(HttpStatusCode.Created);
        var ready = await board.GetJsonAsync($"/api/courses/{courseId}/materials");
        Assert.NotEqual(JsonValueKind.Null, ready.GetProperty("readyAt").ValueKind);
        Assert.Empty(ready.Items("missingTopics"));
        await _scenario.CourseAsync(courseId, c => c.StrOrNull("materialsSentOn") is not null, "the course recorded the materials' ready day");

        // Only the board or the uploader removes a file.
        var lecturer = await _session.LecturerAsync(offer.LecturerId);
        await (await lecturer.DeleteAsync($"/api/courses/{courseId}/materials/{last.Str("id")}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await board.DeleteAsync($"/api/courses/{courseId}/materials/{last.Str("id")}")).StatusCode);
        await (await board.GetAsync($"/api/courses/{courseId}/materials/{last.Str("id")}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(string CourseId, JsonElement Course, Offer Offer)> PublishedCourseAsync(string cycleId)
    {
        await _scenario.CreateCycleAsync(cycleId, courses: 1);
        var plan = await _scenario.PlanAndPublishAsync(cycleId);
        var offer = Scenario.Offers(plan).First();
        return (offer.CourseId, await _scenario.CourseAsync(offer.CourseId), offer);
    }

    private static MultipartFormDataContent Form(string topicCode, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { new StringContent(topicCode), "topicCode" }, { file, "file", fileName } };
    }
}
