using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>
/// Evaluations: a trainee's personal single-use link needs no account; a lecturer reads only the aggregates of their
/// own sessions (averages per criterion and counts, never who said what).
/// </summary>
public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder routes)
    {
        var links = routes.MapGroup("/api/evaluations/{token}").WithTags("Evaluations").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        links.MapGet("", GetFormAsync).WithSummary("The course and the sessions a trainee's link rates (no account needed).");
        links.MapPost("", SubmitAsync).WithSummary("Submits every session's ratings (content, method, usefulness 1-5, optional comment) once.")
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        routes.MapGet("/api/lecturers/{lecturerId}/evaluations", GetLecturerSummaryAsync).WithTags("Evaluations")
            .RequireAuthorization(GatewayPolicies.BoardOrLecturer)
            .RequireOwnLecturer("lecturerId", GatewayRoles.Board)
            .WithSummary("Averages per criterion and counts of the lecturer's evaluated sessions; never trainees or single ratings.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    /// <summary>The ratings of a form, each field present (ranges and sessions are the course's to judge).</summary>
    internal static ImmutableArray<EvaluationRequest> Ratings(IReadOnlyList<RatingRequest>? ratings, FieldErrors errors)
    {
        if (ratings is null || ratings.Count == 0)
        {
            errors.Add("ratings", "Rate every session of the course.");
            return [];
        }

        for (var i = 0; i < ratings.Count; i++)
        {
            var r = ratings[i];
            if (r is null)
            {
                errors.Add($"ratings[{i}]", "A rating is required.");
                continue;
            }

            errors.RequireText($"ratings[{i}].sessionId", r.SessionId)
                .Check(r.Content is not null, $"ratings[{i}].content", "'content' is required (1-5).")
                .Check(r.Method is not null, $"ratings[{i}].method", "'method' is required (1-5).")
                .Check(r.Usefulness is not null, $"ratings[{i}].usefulness", "'usefulness' is required (1-5).");
        }

        return errors.Any
            ? []
            : [.. ratings.Select(r => new EvaluationRequest(r.SessionId!.Trim(), r.Content!.Value, r.Method!.Value, r.Usefulness!.Value, r.Comment))];
    }

    private static async Task<Ok<EvaluationFormView>> GetFormAsync(string token, IGrainFactory grains)
    {
        var (courseId, secret) = Split(token);
        return TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).GetEvaluationFormAsync(secret));
    }

    private static async Task<Results<NoContent, ValidationProblem>> SubmitAsync(string token, EvaluationFormRequest request, IGrainFactory grains)
    {
        var (courseId, secret) = Split(token);
        var errors = new FieldErrors();
        var ratings = Ratings(request.Ratings, errors);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        await grains.GetGrain<ICourseGrain>(courseId).SubmitEvaluationAsync(secret, new EvaluationForm(ratings, request.TraineeId));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionEvaluationSummary[]>> GetLecturerSummaryAsync(string lecturerId, IGrainFactory grains)
    {
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var summaries = await Task.WhenAll(registry.CourseIds.Select(id => grains.GetGrain<ICourseGrain>(id).GetEvaluationSummaryAsync(lecturerId)));
        return TypedResults.Ok(summaries.SelectMany(s => s).ToArray());
    }

    /// <summary>A link's token is "&lt;course id&gt;.&lt;secret&gt;"; anything else names no link.</summary>
    private static (string CourseId, string Secret) Split(string token)
    {
        var dot = token.LastIndexOf('.');
        return dot > 0 && dot < token.Length - 1
            ? (token[..dot], token[(dot + 1)..])
            : throw new NotFoundException("evaluation", "link");
    }
}
