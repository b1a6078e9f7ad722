using System.Globalization;
using System.Text;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Reports;

/// <summary>
/// The cycle report as CSV: one table per section, separated by an empty line, each with its own header. UTF-8 with a
/// byte-order mark, so Excel reads the Vietnamese text as UTF-8.
/// </summary>
public static class ReportCsv
{
    public static byte[] Render(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Row(csv, "Báo cáo kết quả chu kỳ bồi dưỡng", report.CycleId);
        Row(csv, "Số lớp đã tổ chức", Int(report.CoursesHeld), "Học viên được cử", Int(report.TraineesNominated), "Học viên có mặt", Int(report.TraineesAttended));
        csv.AppendLine();

        Row(csv, "Lớp", "Tên lớp", "Tỉnh đăng cai", "Từ ngày", "Đến ngày", "Trạng thái", "Chuyên đề", "Phương pháp", "Giảng viên",
            "Tài liệu", "Ngày gửi tài liệu", "Hạn gửi tài liệu", "Học viên được cử", "Học viên có mặt", "Số phiếu đánh giá");
        foreach (var c in report.CourseDetails)
        {
            Row(csv, c.CourseId, c.Title, ReportText.Province(c.HostProvince), ReportText.Date(c.Start), ReportText.Date(c.End), ReportText.Status(c.Status),
                string.Join("; ", c.Topics.Select(t => t.Title)), ReportText.Methods(c.Methods), ReportText.People(c.Lecturers),
                ReportText.Materials(c.Materials), ReportText.Date(c.MaterialsSentOn), ReportText.Date(c.MaterialsDueBy),
                Int(c.Nominated), Int(c.Attended), Int(c.Evaluations));
        }

        csv.AppendLine();
        Row(csv, "Lớp", "Mã chuyên đề", "Chuyên đề", "Phương pháp", "Giảng viên");
        foreach (var c in report.CourseDetails)
        {
            foreach (var t in c.Topics)
            {
                Row(csv, c.CourseId, t.TopicCode, t.Title, ReportText.Methods(t.Methods), ReportText.People(t.Lecturers));
            }
        }

        csv.AppendLine();
        Row(csv, "Mã tỉnh", "Tỉnh, thành phố", "Học viên được cử", "Học viên có mặt", "Không cử cán bộ");
        foreach (var p in report.AttendanceByProvince)
        {
            Row(csv, p.ProvinceCode, p.Name, Int(p.Nominated), Int(p.Attended), p.Nominated == 0 ? "Có" : "");
        }

        csv.AppendLine();
        Row(csv, "Đánh giá theo", "Mã", "Tên", "Số phiếu", "Nội dung", "Phương pháp", "Tính thiết thực", "Trung bình");
        Averages(csv, "Chuyên đề", report.EvaluationByTopic);
        Averages(csv, "Giảng viên", report.EvaluationByLecturer);
        Averages(csv, "Phương pháp", report.EvaluationByMethod);

        csv.AppendLine();
        Row(csv, "Tài liệu gửi đúng hạn", Int(report.MaterialsOnTime), "Gửi muộn", Int(report.MaterialsLate), "Chưa gửi", Int(report.MaterialsNotSent));

        csv.AppendLine();
        Row(csv, "Kết luận");
        Row(csv, report.Conclusions ?? "");
        csv.AppendLine();
        Row(csv, "Kiến nghị", "Tình trạng", "Từ chu kỳ");
        foreach (var r in report.Recommendations)
        {
            Row(csv, r.Text, ReportText.Recommendation(r.Status), r.FromCycleId ?? "");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Averages(StringBuilder csv, string group, IEnumerable<EvaluationAverage> averages)
    {
        foreach (var a in averages)
        {
            Row(csv, group, a.Key, a.Label ?? a.Key, Int(a.Count), ReportText.Number(a.Content), ReportText.Number(a.Method),
                ReportText.Number(a.Usefulness), ReportText.Number(a.Average));
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(",", cells.Select(Escape))).Append("\r\n");

    // RFC 4180: a cell holding a comma, quote or line break is quoted, its quotes doubled.
    private static string Escape(string cell)
    {
        var text = Inert(cell);
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula, so text
    /// typed by a user (a title, the conclusions) could fetch links or run commands on the reader's machine. Such a cell
    /// is written as text, behind an apostrophe (OWASP's advice for CSV injection). The report's own numbers never
    /// start with one of these.
    /// </summary>
    private static string Inert(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
