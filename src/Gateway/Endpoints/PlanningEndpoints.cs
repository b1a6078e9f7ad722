using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>The board's view into the planning engine: the score per constraint, explanations, weights and what-if variants.</summary>
public static class PlanningEndpoints
{
    public static IEndpointRouteBuilder MapPlanningEndpoints(this IEndpointRouteBuilder routes)
    {
        var planning = routes.MapGroup("/api/cycles/{cycleId}").WithTags("Planning").RequireAuthorization(GatewayPolicies.Board)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        planning.MapGet("/plan/score", GetScoreAsync).WithSummary("The current plan's score per constraint, its hard violations, and why when infeasible.");
        planning.MapGet("/plan/explanations/sessions/{sessionKey}", ExplainSessionAsync)
            .WithSummary("Why this session (\"<courseId>-s03\") has its lecturer: the best alternatives with their score differences.");
        planning.MapGet("/plan/explanations/courses/{courseId}", ExplainCourseAsync)
            .WithSummary("Why this course has its host and start: the best alternatives with their score differences.");
        planning.MapPut("/planner-weights", SetWeightsAsync).WithSummary("Sets the soft-constraint weights the planner uses (each 0…1,000,000).")
            .ProducesValidationProblem();
        planning.MapPost("/variants", SaveVariantAsync).WithSummary("Plans and saves a what-if variant: other weights, a lecturer removed, a province unavailable.")
            .ProducesValidationProblem()
            .RequireRateLimiting(Limits.RateLimits.Planning).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        planning.MapGet("/variants", GetVariantsAsync).WithSummary("The saved what-if variants with their scores.");
        planning.MapPost("/variants/{name}/adopt", AdoptVariantAsync)
            .WithSummary("Makes a saved variant the plan (before publish); a variant made before the plan last changed is stale and refused with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        planning.MapGet("/variants/{name}/comparison", CompareVariantAsync)
            .WithSummary("The variant side by side with the current plan: per-constraint costs and every moved host, start or lecturer.");
        return routes;
    }

    private static async Task<Ok<CyclePlan>> AdoptVariantAsync(string cycleId, string name, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).AdoptVariantAsync(name));

    private static async Task<Ok<PlanScoreBreakdown>> GetScoreAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).GetPlanScoreAsync());

    /// <summary>Session keys are "&lt;courseId&gt;-&lt;sessionId&gt;" (e.g. "2027-2028-c01-s03"), one path segment like assignment ids.</summary>
    private static async Task<Ok<PlanExplanation>> ExplainSessionAsync(string cycleId, string sessionKey, IGrainFactory grains)
    {
        // A key without a dash names no course; the grain answers 404 for it like for any unknown course.
        var dash = Math.Max(0, sessionKey.LastIndexOf('-'));
        return TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).ExplainSessionAsync(sessionKey[..dash], sessionKey[dash..].TrimStart('-')));
    }

    private static async Task<Ok<PlanExplanation>> ExplainCourseAsync(string cycleId, string courseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).ExplainCourseAsync(courseId));

    private static async Task<Results<Ok<PlannerWeights>, ValidationProblem>> SetWeightsAsync(string cycleId, PlannerWeights? weights, IGrainFactory grains)
    {
        if (weights is null)
        {
            return ProblemResults.Invalid(new FieldErrors().Add("weights", "The weights are required.").ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).SetPlannerWeightsAsync(weights));
    }

    private static async Task<Results<Created<VariantSummary>, ValidationProblem>> SaveVariantAsync(string cycleId, SaveVariantRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("name", request.Name);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        var variant = await grains.GetGrain<ICycleGrain>(cycleId).SaveVariantAsync(
            request.Name.Trim(),
            new VariantSpec(request.Weights, request.RemovedLecturerId, request.UnavailableProvince, [.. request.UnavailableDates ?? []]));
        return TypedResults.Created($"/api/cycles/{cycleId}/variants/{variant.Name}/comparison", variant);
    }

    private static async Task<Ok<ImmutableArray<VariantSummary>>> GetVariantsAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).GetVariantsAsync());

    private static async Task<Ok<VariantComparison>> CompareVariantAsync(string cycleId, string name, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).CompareVariantAsync(name));
}
