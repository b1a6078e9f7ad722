using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>The cycle's report as the cycle grain computes it: printable, and its courses as CSV.</summary>
public sealed class ReportModel(IGrainFactory grains, IStringLocalizer<Text> text, PageFormat format) : PageModel
{
    public CycleReport Report { get; private set; } = null!;

    /// <summary>Names for the evaluation keys: topic codes and lecturer ids as people know them.</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public string NameOf(string key) => Names.GetValueOrDefault(key, key);

    public async Task<IActionResult> OnGetAsync(string cycleId)
    {
        try
        {
            var cycle = grains.GetGrain<ICycleGrain>(cycleId);
            Report = await cycle.GetReportAsync();
            var curriculum = await grains.GetGrain<ICurriculumGrain>((await cycle.GetAsync()).CurriculumVersion).GetAsync();
            foreach (var topic in curriculum.Topics)
            {
                Names[topic.Code] = PageCultures.IsEnglish ? topic.TitleEn : topic.TitleVi;
            }

            foreach (var lecturer in await Task.WhenAll(Report.EvaluationByLecturer.Select(e => grains.GetGrain<ILecturerGrain>(e.Key).GetAsync())))
            {
                Names[lecturer.Id] = lecturer.FullName;
            }
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_NotFound");
        }

        return Page();
    }

    /// <summary>One row per course; UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese letters.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string cycleId)
    {
        var page = await OnGetAsync(cycleId);
        if (page is not PageResult)
        {
            return page;
        }

        var csv = new StringBuilder();
        csv.AppendLine(Row(text["Course"], text["CourseId"], text["Host"], text["Start"], text["End"], text["Status"], text["Nominated"], text["Attended"]));
        foreach (var course in Report.Courses)
        {
            csv.AppendLine(Row(
                course.Title,
                course.CourseId,
                format.Province(course.HostProvince),
                course.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                course.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                format.Label(course.Status),
                course.Nominated.ToString(CultureInfo.InvariantCulture),
                course.Attended.ToString(CultureInfo.InvariantCulture)));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"report-{cycleId}.csv");
    }

    private static string Row(params string[] cells) =>
        string.Join(',', cells.Select(cell => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell));
}
