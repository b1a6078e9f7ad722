using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Reports;

/// <summary>The cycle report as a printable HTML document with Vietnamese headings, laid out for A4 when printed.</summary>
public static class ReportHtml
{
    private const string Style = """
        body { font-family: "Times New Roman", serif; font-size: 13pt; margin: 2em; color: #000; }
        h1 { font-size: 16pt; text-align: center; text-transform: uppercase; }
        h2 { font-size: 14pt; margin-top: 1.5em; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
        th, td { border: 1px solid #000; padding: 3px 6px; vertical-align: top; text-align: left; }
        th { background: #eee; }
        td.n { text-align: right; }
        @page { size: A4; margin: 2cm 1.5cm; }
        @media print { body { margin: 0; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } th { background: none; } }
        """;

    public static string Render(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>Báo cáo kết quả chu kỳ ")
            .Append(E(report.CycleId)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>Báo cáo kết quả mở lớp bồi dưỡng nghiệp vụ công tác xây dựng đảng về tổ chức, chu kỳ ").Append(E(report.CycleId)).Append("</h1>\n");
        h.Append("<p>Số lớp đã tổ chức: ").Append(report.CoursesHeld).Append(" / ").Append(report.Courses.Length)
            .Append(". Học viên được cử: ").Append(report.TraineesNominated).Append("; có mặt: ").Append(report.TraineesAttended)
            .Append(" (").Append((report.AttendanceRate * 100).ToString("0.#", CultureInfo.InvariantCulture)).Append("%).</p>\n");

        h.Append("<h2>I. Nội dung, giảng viên và phương pháp</h2>\n");
        Table(h, ["Lớp", "Tỉnh đăng cai", "Thời gian", "Chuyên đề", "Phương pháp", "Giảng viên"], report.CourseDetails.SelectMany(c => c.Topics.Count() == 0
            ? [[c.Title, ReportText.Province(c.HostProvince), Dates(c), "", "", ""]]
            : c.Topics.Select(t => new[] { c.Title, ReportText.Province(c.HostProvince), Dates(c), t.Title, ReportText.Methods(t.Methods), ReportText.People(t.Lecturers) })));

        h.Append("<h2>II. Học viên theo tỉnh, thành phố</h2>\n");
        Table(h, ["Tỉnh, thành phố", "Được cử", "Có mặt"], report.AttendanceByProvince.Where(p => p.Nominated > 0)
            .Select(p => new[] { p.Name, N(p.Nominated), N(p.Attended) }));
        var nobody = report.AttendanceByProvince.Where(p => p.Nominated == 0).Select(p => p.Name).ToList();
        h.Append("<p><strong>Cấp ủy không cử cán bộ tham gia:</strong> ").Append(nobody.Count == 0 ? "không có" : E(string.Join(", ", nobody))).Append(".</p>\n");

        h.Append("<h2>III. Kết quả đánh giá của học viên</h2>\n");
        Averages(h, "Theo chuyên đề", report.EvaluationByTopic);
        Averages(h, "Theo giảng viên", report.EvaluationByLecturer);
        Averages(h, "Theo phương pháp", report.EvaluationByMethod);

        h.Append("<h2>IV. Tài liệu gửi trước cho học viên</h2>\n");
        Table(h, ["Lớp", "Hạn gửi", "Ngày gửi", "Đánh giá"], report.CourseDetails
            .Select(c => new[] { c.Title, ReportText.Date(c.MaterialsDueBy), ReportText.Date(c.MaterialsSentOn), ReportText.Materials(c.Materials) }));

        h.Append("<h2>V. Kết luận</h2>\n<p>").Append(E(report.Conclusions ?? "Chưa có kết luận.")).Append("</p>\n");
        h.Append("<h2>VI. Kiến nghị</h2>\n");
        if (report.Recommendations.IsDefaultOrEmpty)
        {
            h.Append("<p>Chưa có kiến nghị.</p>\n");
        }
        else
        {
            h.Append("<ol>\n");
            foreach (var r in report.Recommendations)
            {
                h.Append("<li>").Append(E(r.Text)).Append(" <em>(").Append(E(ReportText.Recommendation(r.Status)))
                    .Append(r.FromCycleId is null ? "" : ", từ chu kỳ " + E(r.FromCycleId)).Append(")</em></li>\n");
            }

            h.Append("</ol>\n");
        }

        h.Append("<p><small>Lập ngày ").Append(E(report.GeneratedAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)))
            .Append("</small></p>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Averages(StringBuilder h, string title, IEnumerable<EvaluationAverage> averages)
    {
        h.Append("<h3>").Append(E(title)).Append("</h3>\n");
        Table(h, ["", "Số phiếu", "Nội dung", "Phương pháp", "Tính thiết thực", "Trung bình"], averages.Select(a => new[]
        {
            a.Label ?? a.Key, N(a.Count), ReportText.Number(a.Content), ReportText.Number(a.Method), ReportText.Number(a.Usefulness), ReportText.Number(a.Average),
        }));
    }

    private static void Table(StringBuilder h, string[] headers, IEnumerable<string[]> rows)
    {
        h.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            h.Append("<th>").Append(E(header)).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            h.Append("<tr>");
            foreach (var cell in row)
            {
                h.Append(cell.Length > 0 && cell.All(ch => char.IsDigit(ch) || ch == '.') ? "<td class=\"n\">" : "<td>").Append(E(cell)).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
    }

    private static string Dates(CourseReport c) => $"{ReportText.Date(c.Start)} – {ReportText.Date(c.End)}";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Vietnamese letters stay letters (readable source, searchable text); only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
