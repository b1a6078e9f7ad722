using System.Net;
using System.Net.Http.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Curricula through the API: anyone signed in reads them, the board derives a version, a cycle names one that exists.</summary>
public sealed class CurriculumEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;

    private static object Derivation(string version, string basedOn = "2027", string splitTopic = "cadre-work") => new
    {
        version,
        basedOn,
        split = new[]
        {
            new
            {
                topic = splitTopic,
                into = new object[]
                {
                    new { code = "cadre-work", titleVi = "Công tác cán bộ: vấn đề chung", titleEn = "Cadre work: general" },
                    new { code = "cadre-succession", titleVi = "Công tác cán bộ kế cận", titleEn = "Cadre succession" },
                    new { code = "cadre-discipline", titleVi = "Kỷ luật cán bộ", titleEn = "Cadre discipline", qualificationCarries = false },
                },
            },
        },
        add = new[] { new { code = "digital-transformation", titleVi = "Chuyển đổi số", titleEn = "Digital transformation" } },
        retire = new[] { "office-work" },
    };

    [Fact]
    public async Task Everyone_reads_the_versions_and_their_topics()
    {
        var lecturer = await _session.LecturerAsync("l03");

        var list = await lecturer.GetJsonAsync("/api/curricula");
        var v2027 = await (await _session.ProvinceAsync("hue")).GetJsonAsync("/api/curricula/2027");

        Assert.Contains("2012", list.EnumerateArray().Select(c => c.Str("version")));
        Assert.Contains("2027", list.EnumerateArray().Select(c => c.Str("version")));
        Assert.Equal(10, v2027.Items("topics").Count());
        Assert.Contains("cadre-evaluation", v2027.Items("topics").Select(t => t.Str("code")));
        await (await lecturer.GetAsync("/api/curricula/1999")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_board_derives_a_version_with_its_split_lineage_and_a_cycle_can_name_it()
    {
        var board = await _session.BoardAsync();

        var created = await board.PostJsonAsync("/api/curricula", Derivation("2081"), HttpStatusCode.Created);

        Assert.Equal("2027", created.Str("basedOn"));
        var codes = created.Items("topics").Select(t => t.Str("code")).ToList();
        Assert.Equal(["cadre-work", "cadre-succession", "cadre-discipline"], codes.Skip(1).Take(3));
        Assert.DoesNotContain("office-work", codes);
        var lineage = created.Items("lineage").ToList();
        Assert.Equal(["cadre-succession", "cadre-discipline"], lineage.Select(l => l.Str("topicCode")));
        Assert.All(lineage, l => Assert.Equal("cadre-work", l.Str("fromTopicCode")));
        Assert.Equal([true, false], lineage.Select(l => l.GetProperty("qualificationCarries").GetBoolean()));
        Assert.Contains("2081", (await board.GetJsonAsync("/api/curricula")).EnumerateArray().Select(c => c.Str("version")));
        await board.PostJsonAsync("/api/cycles", new { id = "2081-2082", start = "2081-01-06", end = "2082-12-18", curriculumVersion = "2081" }, HttpStatusCode.Created);
        await board.PostJsonAsync("/api/curricula", Derivation("2081"), HttpStatusCode.Created); // the same again: a retry, nothing changes
        await (await board.PostAsJsonAsync("/api/curricula", new { version = "2081", basedOn = "2027", retire = new[] { "grassroots" } })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("province-hue")]
    [InlineData("lecturer-l02")]
    public async Task Only_the_board_derives_and_nothing_is_created(string userName)
    {
        var client = await _session.AsAsync(userName);

        var response = await client.PostAsJsonAsync("/api/curricula", Derivation("2083"));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/curricula/2083")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_derivations_name_the_field_and_create_nothing()
    {
        var board = await _session.BoardAsync();

        var unknownBase = await board.PostAsJsonAsync("/api/curricula", Derivation("2085", basedOn: "1999"));
        var unknownTopic = await board.PostAsJsonAsync("/api/curricula", Derivation("2085", splitTopic: "no-such-topic"));
        var noVersion = await board.PostAsJsonAsync("/api/curricula", new { basedOn = "2027" });

        Assert.Contains("basedOn", (await unknownBase.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Contains("split[0].topic", (await unknownTopic.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Contains("version", (await noVersion.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await board.GetAsync("/api/curricula/2085")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cycle_naming_an_unknown_version_is_422_naming_the_field_and_not_created()
    {
        var board = await _session.BoardAsync();

        var response = await board.PostAsJsonAsync("/api/cycles", new { id = "2087-2088", start = "2087-01-06", end = "2088-12-18", curriculumVersion = "1999" });

        Assert.Contains("curriculumVersion", (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        await (await board.GetAsync("/api/cycles/2087-2088")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
