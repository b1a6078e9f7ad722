using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Materials;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>A course's materials, kept in the database: uploaded per topic, read by those the course concerns.</summary>
public static class MaterialsEndpoints
{
    public static IEndpointRouteBuilder MapMaterialsEndpoints(this IEndpointRouteBuilder routes)
    {
        var materials = routes.MapGroup("/api/courses/{courseId}/materials").WithTags("Materials").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        materials.MapGet("", GetAsync).WithSummary("The course's files per topic, the topics still missing, and when the materials were ready.");
        materials.MapGet("/{materialId}", DownloadAsync).WithSummary("One file, as uploaded.");
        materials.MapPost("", UploadAsync).RequireAuthorization(GatewayPolicies.BoardOrLecturer)
            .WithSummary($"Adds a file (multipart: topicCode, file) for a topic of the course: PDF, Office or OpenDocument, image or text, at most {MaterialFileTypes.MaxBytes / (1024 * 1024)} MB.")
            // Bearer tokens, not cookies, authenticate the API: there is no cross-site form to forge.
            .DisableAntiforgery()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        materials.MapDelete("/{materialId}", RemoveAsync).RequireAuthorization(GatewayPolicies.BoardOrLecturer)
            .WithSummary("Removes a file: the board, or whoever uploaded it.");
        return routes;
    }

    private static async Task<Ok<CourseMaterials>> GetAsync(string courseId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMaterialsGrain>(courseId).GetAsync(Reader(user)));

    private static async Task<FileContentHttpResult> DownloadAsync(string courseId, string materialId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var file = await grains.GetGrain<IMaterialsGrain>(courseId).DownloadAsync(materialId, Reader(user));
        return TypedResults.File(file.Content, file.Material.ContentType, file.Material.FileName);
    }

    private static async Task<Results<Created<MaterialView>, ValidationProblem>> UploadAsync(
        string courseId, IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? topicCode, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellation)
    {
        var errors = new FieldErrors().RequireText("topicCode", topicCode).Check(file is not null, "file", "A file is required.");
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        // At most one byte beyond the limit is read: enough for the grain to refuse a file that is too big.
        var content = new byte[Math.Min(file!.Length, MaterialFileTypes.MaxBytes + 1L)];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellation);
        }

        var material = await grains.GetGrain<IMaterialsGrain>(courseId).UploadAsync(new MaterialUpload(topicCode!, file.FileName, content), Reader(user));
        return TypedResults.Created($"/api/courses/{courseId}/materials/{material.Id}", material);
    }

    private static async Task<NoContent> RemoveAsync(string courseId, string materialId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IMaterialsGrain>(courseId).RemoveAsync(materialId, Reader(user));
        return TypedResults.NoContent();
    }

    private static MaterialsReader Reader(ClaimsPrincipal user) =>
        user.IsBoard() ? new MaterialsReader(MaterialsRole.Board, null)
        : user.LecturerId() is { } lecturer ? new MaterialsReader(MaterialsRole.Lecturer, lecturer)
        : new MaterialsReader(MaterialsRole.Province, user.ProvinceCode());
}
