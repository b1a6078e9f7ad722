using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Curricula;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>Curriculum versions: anyone signed in reads them; the board derives a new version from an existing one.</summary>
public static class CurriculumEndpoints
{
    public static IEndpointRouteBuilder MapCurriculumEndpoints(this IEndpointRouteBuilder routes)
    {
        var curricula = routes.MapGroup("/api/curricula").WithTags("Curricula").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        curricula.MapGet("", ListAsync).WithSummary("Every curriculum version, in the order defined, with its topics and lineage.");
        curricula.MapGet("/{version}", GetAsync).WithSummary("One version: its topics, the version it came from, splits and retired topics.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        curricula.MapPost("", CreateAsync).RequireAuthorization(GatewayPolicies.Board)
            .WithSummary("Derives a new version: topics split (lecturers of the parent stay qualified unless told otherwise), added and retired.")
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<CurriculumView[]>> ListAsync(IGrainFactory grains)
    {
        var versions = await grains.GetGrain<ICurriculumIndexGrain>(ICurriculumIndexGrain.Key).GetVersionsAsync();
        return TypedResults.Ok(await Task.WhenAll(versions.Select(v => grains.GetGrain<ICurriculumGrain>(v).GetAsync())));
    }

    private static async Task<Ok<CurriculumView>> GetAsync(string version, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICurriculumGrain>(version).GetAsync());

    private static async Task<Results<Created<CurriculumView>, ValidationProblem>> CreateAsync(CreateCurriculumRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("version", request.Version).RequireText("basedOn", request.BasedOn);
        var splits = request.Split ?? [];
        for (var i = 0; i < splits.Count; i++)
        {
            errors.Check(splits[i] is not null, $"split[{i}]", "A split is required.");
        }

        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        var changes = new CurriculumChanges(
            request.BasedOn.Trim(),
            [.. splits.Select(s => new TopicSplit(
                s.Topic,
                [.. (s.Into ?? []).Select(p => p is null ? null! : new SplitPart(new Topic(p.Code, p.TitleVi, p.TitleEn), p.QualificationCarries))]))],
            [.. (request.Add ?? []).Select(t => t is null ? null! : new Topic(t.Code, t.TitleVi, t.TitleEn))],
            [.. request.Retire ?? []]);
        var curriculum = await grains.GetGrain<ICurriculumGrain>(request.Version.Trim()).DeriveAsync(changes);
        return TypedResults.Created($"/api/curricula/{curriculum.Version}", curriculum);
    }
}
