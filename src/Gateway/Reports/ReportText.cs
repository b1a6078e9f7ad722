using System.Globalization;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Reports;

/// <summary>The words both report documents print: Vietnamese names of statuses, timings and provinces, dates and numbers.</summary>
internal static class ReportText
{
    public static string Province(string? code) =>
        code is null ? "" : ProvinceDirectory.Resolve(code)?.NameVi ?? code;

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Materials(MaterialsTiming timing) => timing switch
    {
        MaterialsTiming.OnTime => "Gửi đúng hạn",
        MaterialsTiming.Late => "Gửi muộn",
        _ => "Chưa gửi",
    };

    public static string Status(CourseStatus status) => status switch
    {
        CourseStatus.Proposed => "Đề xuất",
        CourseStatus.Planned => "Đã lập kế hoạch",
        CourseStatus.Published => "Đã công bố",
        CourseStatus.HostConfirmed => "Tỉnh đăng cai đã xác nhận",
        CourseStatus.Held => "Đang/đã tổ chức",
        CourseStatus.Closed => "Đã kết thúc",
        CourseStatus.Reported => "Đã báo cáo",
        CourseStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string Recommendation(RecommendationStatus status) => status == RecommendationStatus.Done ? "Đã thực hiện" : "Chưa thực hiện";

    public static string Methods(IEnumerable<TeachingMethod> methods) =>
        string.Join(", ", methods.Select(m => CycleReportBuilder.MethodName(m.ToString())));

    public static string People(IEnumerable<ReportPerson> people) => string.Join(", ", people.Select(p => p.Name));
}
