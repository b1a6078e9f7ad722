using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>The board's edits to a cycle's courses after the cycle was created: add, edit, cancel.</summary>
public static class CycleCourseEndpoints
{
    public static IEndpointRouteBuilder MapCycleCourseEndpoints(this IEndpointRouteBuilder routes)
    {
        var courses = routes.MapGroup("/api/cycles/{cycleId}/courses").WithTags("Cycles").RequireAuthorization(GatewayPolicies.Board)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        courses.MapPost("/", AddAsync)
            .WithSummary("Adds a course until the cycle closes; after publish, planning again places only the new courses and publishing again sends them out.")
            .ProducesValidationProblem();
        courses.MapPut("/{courseId}", EditAsync)
            .WithSummary("Edits a course that is not published yet; a change beyond title, co-organisers or quota sends it back to be planned again.")
            .ProducesValidationProblem();
        courses.MapPost("/{courseId}/cancel", CancelAsync)
            .WithSummary("Cancels a course not yet held: its offers, acceptances and hosting request are withdrawn, with the reason.")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Created<CourseView>, ValidationProblem>> AddAsync(string cycleId, CourseDraftRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("title", request.Title);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        var course = await grains.GetGrain<ICycleGrain>(cycleId).AddCourseAsync(ToDraft(request));
        return TypedResults.Created($"/api/courses/{course.Id}", course);
    }

    private static async Task<Results<Ok<CourseView>, ValidationProblem>> EditAsync(string cycleId, string courseId, CourseDraftRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("title", request.Title);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).EditCourseAsync(courseId, ToDraft(request)));
    }

    private static async Task<Results<Ok<CourseView>, ValidationProblem>> CancelAsync(string cycleId, string courseId, CancelCourseRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("reason", request.Reason);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).CancelCourseAsync(courseId, request.Reason));
    }

    private static CourseDraft ToDraft(CourseDraftRequest request) => new(
        request.Title, request.Audience, request.Capacity, request.QuotaPerProvince, [.. request.Topics ?? []], [.. request.CoOrganisers ?? []]);
}
