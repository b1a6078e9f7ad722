using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Materials;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>
/// A nominated trainee's personal reusable link (no account): the board, or a nominating province for its own
/// trainees, issues it; the holder reads the course and, from the set number of days before the start, its materials.
/// </summary>
public static class TraineeEndpoints
{
    public static IEndpointRouteBuilder MapTraineeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/courses/{courseId}/trainee-links", IssueAsync).WithTags("Trainees")
            .RequireAuthorization(GatewayPolicies.BoardOrProvince)
            .WithSummary("Issues each nominee (the board: all; a province: its own) a personal reusable link (GET /api/trainee/{token}); issuing again rotates them.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var links = routes.MapGroup("/api/trainee/{token}").WithTags("Trainees").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        links.MapGet("", GetAsync).WithSummary("The trainee's course: title, host, dates, venue once confirmed, sessions; the materials once open (no account needed).");
        links.MapGet("/materials", GetMaterialsAsync).WithSummary("The course's materials, from the set number of days before the start (409 before).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        links.MapGet("/materials/{materialId}", DownloadAsync).WithSummary("One material file, once the materials are open (409 before).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>A link's token is "&lt;course id&gt;.&lt;secret&gt;"; anything else names no link.</summary>
    public static (string CourseId, string Secret) Split(string token)
    {
        var dot = token.LastIndexOf('.');
        return dot > 0 && dot < token.Length - 1
            ? (token[..dot], token[(dot + 1)..])
            : throw new NotFoundException("trainee", "link");
    }

    private static async Task<Ok<TraineeLink[]>> IssueAsync(string courseId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<ICourseGrain>(courseId).IssueTraineeLinksAsync(user.IsBoard() ? null : user.ProvinceCode())).ToArray());

    private static async Task<Ok<TraineePage>> GetAsync(string token, IGrainFactory grains)
    {
        var course = await CourseAsync(token, grains);
        // The course grain says whether the materials are open; the materials grain applies the same rule again.
        var materials = course.MaterialsOpen
            ? await grains.GetGrain<IMaterialsGrain>(course.CourseId).GetAsync(new MaterialsReader(MaterialsRole.Trainee, course.TraineeId))
            : null;
        return TypedResults.Ok(new TraineePage(course, materials));
    }

    private static async Task<Ok<CourseMaterials>> GetMaterialsAsync(string token, IGrainFactory grains)
    {
        var course = await CourseAsync(token, grains);
        return TypedResults.Ok(await grains.GetGrain<IMaterialsGrain>(course.CourseId).GetAsync(new MaterialsReader(MaterialsRole.Trainee, course.TraineeId)));
    }

    private static async Task<FileContentHttpResult> DownloadAsync(string token, string materialId, IGrainFactory grains)
    {
        var course = await CourseAsync(token, grains);
        var file = await grains.GetGrain<IMaterialsGrain>(course.CourseId).DownloadAsync(materialId, new MaterialsReader(MaterialsRole.Trainee, course.TraineeId));
        return TypedResults.File(file.Content, file.Material.ContentType, file.Material.FileName);
    }

    private static async Task<TraineeCourseView> CourseAsync(string token, IGrainFactory grains)
    {
        var (courseId, secret) = Split(token);
        return await grains.GetGrain<ICourseGrain>(courseId).GetTraineeCourseAsync(secret);
    }
}
