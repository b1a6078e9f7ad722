using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>Planning runs the board follows and can cancel: start one, poll its progress, cancel it.</summary>
public static class PlanningRunEndpoints
{
    public static IEndpointRouteBuilder MapPlanningRunEndpoints(this IEndpointRouteBuilder routes)
    {
        var runs = routes.MapGroup("/api/cycles/{cycleId}/planning-runs").WithTags("Planning").RequireAuthorization(GatewayPolicies.Board)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost("", StartAsync)
            .WithSummary("Starts a planning run (effort Standard, Thorough or Exhaustive); 202 with the run to poll. One run at a time (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(Limits.RateLimits.Planning).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        runs.MapGet("/current", GetAsync)
            .WithSummary("The current or last run: status, progress (0…1), iterations, the best score so far, and when done what was placed.");
        runs.MapPost("/current/cancel", CancelAsync)
            .WithSummary("Cancels the running run; nothing of it is applied. A run whose plan is being recorded (Applying) can no longer be cancelled (409).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Accepted<PlanningRunView>, ValidationProblem>> StartAsync(
        string cycleId, StartPlanningRunRequest? request, IGrainFactory grains)
    {
        var effort = PlanningEffort.Standard;
        if (request?.Effort is { } text && !Enum.TryParse(text, ignoreCase: true, out effort) || !Enum.IsDefined(effort))
        {
            return ProblemResults.Invalid(new FieldErrors()
                .Add("effort", $"'effort' must be one of {string.Join(", ", Enum.GetNames<PlanningEffort>())}.").ToDictionary());
        }

        var run = await grains.GetGrain<ICycleGrain>(cycleId).StartPlanningRunAsync(effort);
        return TypedResults.Accepted($"/api/cycles/{cycleId}/planning-runs/current", run);
    }

    private static async Task<Ok<PlanningRunView>> GetAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).GetPlanningRunAsync() ?? throw new NotFoundException("planning run", cycleId));

    private static async Task<Ok<PlanningRunView>> CancelAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).CancelPlanningRunAsync());
}
