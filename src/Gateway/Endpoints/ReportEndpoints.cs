using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Reports;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>The cycle report as documents for the board: CSV for Excel and a printable HTML page.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/cycles/{cycleId}").WithTags("Cycles").RequireAuthorization(GatewayPolicies.Board)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/report.csv", CsvAsync).WithSummary("The cycle report as CSV (UTF-8 with BOM, one table per section).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        reports.MapGet("/report.html", HtmlAsync).WithSummary("The cycle report as a printable HTML document with Vietnamese headings.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return routes;
    }

    private static async Task<FileContentHttpResult> CsvAsync(string cycleId, IGrainFactory grains)
    {
        var report = await grains.GetGrain<ICycleGrain>(cycleId).GetReportAsync();
        return TypedResults.File(ReportCsv.Render(report), "text/csv; charset=utf-8", $"bao-cao-{report.CycleId}.csv");
    }

    private static async Task<ContentHttpResult> HtmlAsync(string cycleId, IGrainFactory grains)
    {
        var report = await grains.GetGrain<ICycleGrain>(cycleId).GetReportAsync();
        return TypedResults.Content(ReportHtml.Render(report), "text/html; charset=utf-8", Encoding.UTF8);
    }
}
