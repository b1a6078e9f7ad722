using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Gateway.Endpoints;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Materials;

namespace OrleansTraining.Gateway.Pages.Trainees;

/// <summary>
/// A nominated trainee's page through their personal link (no account): the course, its sessions, and the materials
/// with download links from the set number of days before the start (before that, the day they open).
/// </summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public string Token { get; private set; } = "";

    public TraineeCourseView Course { get; private set; } = null!;

    /// <summary>Null until the materials open to trainees.</summary>
    public CourseMaterials? Materials { get; private set; }

    public SessionNames Names { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Token = token;
        try
        {
            var (courseId, secret) = TraineeEndpoints.Split(token);
            Course = await grains.GetGrain<ICourseGrain>(courseId).GetTraineeCourseAsync(secret);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_NotFound");
        }

        if (Course.MaterialsOpen)
        {
            try
            {
                Materials = await grains.GetGrain<IMaterialsGrain>(Course.CourseId).GetAsync(new MaterialsReader(MaterialsRole.Trainee, Course.TraineeId));
            }
            catch (ConflictException)
            {
                // The materials grain has the last word on the opening day; at the boundary it may say "not yet".
            }
        }

        Names = await SessionNames.LoadAsync(grains, Course.CourseId, Course.Sessions.Select(s => s.LecturerId));
        // The token is the trainee's key: never hand it on to another site in a Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }

    public string DownloadUrl(MaterialView material) =>
        $"/api/trainee/{Uri.EscapeDataString(Token)}/materials/{Uri.EscapeDataString(material.Id)}";

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.0} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0} KB" : $"{bytes} B";
}
