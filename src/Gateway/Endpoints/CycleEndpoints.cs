using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>The board's cycle: create, plan, publish, follow and report.</summary>
public static class CycleEndpoints
{
    public static IEndpointRouteBuilder MapCycleEndpoints(this IEndpointRouteBuilder routes)
    {
        var cycles = routes.MapGroup("/api/cycles").WithTags("Cycles").RequireAuthorization(GatewayPolicies.Board)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        cycles.MapGet("/", ListAsync).WithSummary("Every cycle, newest first: dates, curriculum, status and open escalations.");
        cycles.MapPost("/", CreateAsync).WithSummary("Creates a two-yearly cycle (Draft).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{cycleId}", GetAsync).WithSummary("The cycle: dates, curriculum, courses, status, escalations.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("/{cycleId}/plan", PlanAsync).WithSummary("Runs the planner: hosts, dates and lecturers; says what it could not staff and why.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(Limits.RateLimits.Planning).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        cycles.MapPost("/{cycleId}/publish", PublishAsync).WithSummary("Publishes the plan: hosting requests to provinces, offers to lecturers.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{cycleId}/plan", GetPlanAsync).WithSummary("Courses with host, dates, and sessions with topic, date, slot, lecturer and status.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapGet("/{cycleId}/report", GetReportAsync).WithSummary("The cycle report.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPut("/{cycleId}/conclusions", SetConclusionsAsync)
            .WithSummary("The board's written conclusions and recommendations (Open or Done); they close the report, and open ones carry into the next cycle.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        cycles.MapPost("/{cycleId}/close", CloseAsync).WithSummary("Closes the cycle once every course is closed or cancelled (409 lists the open ones).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapPost("/{cycleId}/roll-over", RollOverAsync)
            .WithSummary("Creates the next two-yearly cycle with the chosen curriculum version; hosts, the lecturer pool and open recommendations carry over.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cycles.MapGet("/{cycleId}/escalations", GetEscalationsAsync)
            .WithSummary("What needs the board: unanswered requests and offers, materials not sent, sessions nobody can teach (resolved ones too with includeResolved=true).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<CycleView[]>> ListAsync(IGrainFactory grains)
    {
        var registry = await grains.GetGrain<Grains.Registry.IRegistryGrain>(Grains.Registry.IRegistryGrain.Key).GetAsync();
        var cycles = await Task.WhenAll(registry.CycleIds.Select(id => grains.GetGrain<ICycleGrain>(id).GetAsync()));
        return TypedResults.Ok(cycles.OrderByDescending(c => c.Start).ToArray());
    }

    private static async Task<Ok<Escalation[]>> GetEscalationsAsync(string cycleId, IGrainFactory grains, bool includeResolved = false) =>
        TypedResults.Ok((await grains.GetGrain<ICycleGrain>(cycleId).GetEscalationsAsync(includeResolved)).ToArray());

    private static async Task<Results<Created<CycleView>, ValidationProblem>> CreateAsync(CreateCycleRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors()
            .RequireText("id", request.Id)
            .RequireText("curriculumVersion", request.CurriculumVersion);
        var courses = request.Courses ?? [];
        for (var i = 0; i < courses.Count; i++)
        {
            if (courses[i] is null)
            {
                errors.Add($"courses[{i}]", "A course is required.");
                continue;
            }

            errors.RequireText($"courses[{i}].title", courses[i].Title);
        }

        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        try
        {
            var cycle = await grains.GetGrain<ICycleGrain>(request.Id.Trim()).CreateAsync(new NewCycle(
                request.Start,
                request.End,
                request.CurriculumVersion.Trim(),
                [.. courses.Select(c => new CourseDraft(
                    c.Title, c.Audience, c.Capacity, c.QuotaPerProvince, [.. c.Topics ?? []], [.. c.CoOrganisers ?? []]))]));
            return TypedResults.Created($"/api/cycles/{cycle.Id}", cycle);
        }
        catch (DomainValidationException invalid) when (invalid.Field == "cycleId")
        {
            // The grain knows its key as the cycle id; the client sent it as "id".
            return ProblemResults.Invalid(new FieldErrors().Add("id", invalid.Message).ToDictionary());
        }
    }

    private static async Task<Ok<CycleView>> GetAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).GetAsync());

    private static async Task<Ok<PlanResult>> PlanAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).PlanAsync());

    private static async Task<Ok<CycleView>> PublishAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).PublishAsync());

    private static async Task<Ok<CyclePlan>> GetPlanAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).GetPlanAsync());

    private static async Task<Ok<CycleReport>> GetReportAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).GetReportAsync());

    private static async Task<Results<Ok<CycleView>, ValidationProblem>> SetConclusionsAsync(string cycleId, ConclusionsRequest request, IGrainFactory grains)
    {
        var recommendations = request.Recommendations ?? [];
        var errors = new FieldErrors();
        for (var i = 0; i < recommendations.Count; i++)
        {
            errors.RequireText($"recommendations[{i}].text", recommendations[i]?.Text);
        }

        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).SetConclusionsAsync(new BoardConclusions(
            request.Conclusions, [.. recommendations.Select(r => new Recommendation(r.Text!, r.Status))])));
    }

    private static async Task<Ok<CycleView>> CloseAsync(string cycleId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICycleGrain>(cycleId).CloseAsync());

    private static async Task<Created<CycleView>> RollOverAsync(string cycleId, RollOverRequest? request, IGrainFactory grains)
    {
        var next = await grains.GetGrain<ICycleGrain>(cycleId).RollOverAsync(request?.CurriculumVersion);
        return TypedResults.Created($"/api/cycles/{next.Id}", next);
    }
}
