using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>Lecturers: the board and provinces read them all; a lecturer reads and answers only for themself.</summary>
public static class LecturerEndpoints
{
    public static IEndpointRouteBuilder MapLecturerEndpoints(this IEndpointRouteBuilder routes)
    {
        var lecturers = routes.MapGroup("/api/lecturers").WithTags("Lecturers")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        lecturers.MapGet("", ListAsync).WithSummary("Lecturers with qualified topics, unavailable dates and load; a lecturer sees only themself.");

        var lecturer = lecturers.MapGroup("/{lecturerId}").ProducesProblem(StatusCodes.Status404NotFound);
        lecturer.MapGet("", GetAsync).RequireOwnLecturer("lecturerId", GatewayRoles.Board, GatewayRoles.Province)
            .WithSummary("One lecturer: qualified topics, unavailable dates, load and assignments.");
        lecturer.MapGet("/assignments", GetAssignmentsAsync).RequireOwnLecturer("lecturerId", GatewayRoles.Board)
            .WithSummary("The lecturer's teaching offers and answers.");

        var own = lecturer.MapGroup("").RequireAuthorization(GatewayPolicies.Lecturer).RequireOwnLecturer("lecturerId")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        own.MapPost("/assignments/{assignmentId}/accept", AcceptAsync)
            .WithSummary("Accepts an offer; refused when it would double-book or leave no travel day between provinces.");
        own.MapPost("/assignments/{assignmentId}/decline", DeclineAsync)
            .WithSummary("Declines an offer with a reason; the session goes to the next suitable lecturer.");
        own.MapPut("/unavailability", SetUnavailabilityAsync).WithSummary("Replaces the dates the lecturer cannot teach.");
        own.MapPost("/answers", AnswerAllAsync)
            .WithSummary("Answers several offers at once (accept, or decline with a reason); if one answer is refused, none is recorded.");
        own.MapPost("/assignments/{assignmentId}/withdraw", WithdrawAsync)
            .WithSummary("Withdraws from an accepted session with a reason, until the cut-off before it; the session is offered again.");
        own.MapPost("/unavailability", AddUnavailableDateAsync)
            .WithSummary("Adds one date the lecturer cannot teach; open offers on it are declined, an accepted session on it refuses the date.");
        own.MapDelete("/unavailability/{date}", RemoveUnavailableDateAsync).WithSummary("Removes one date the lecturer declared unavailable.");
        return routes;
    }

    private static async Task<Ok<ImmutableArray<LecturerView>>> ListAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.LecturerId() is { } self)
        {
            return TypedResults.Ok(ImmutableArray.Create(await grains.GetGrain<ILecturerGrain>(self).GetAsync()));
        }

        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var views = await Task.WhenAll(registry.LecturerIds.Select(id => grains.GetGrain<ILecturerGrain>(id).GetAsync()));
        return TypedResults.Ok(ImmutableArray.Create(views.Select(v => ForReader(user, v)).ToArray()));
    }

    private static async Task<Ok<LecturerView>> GetAsync(string lecturerId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(ForReader(user, await grains.GetGrain<ILecturerGrain>(lecturerId).GetAsync()));

    /// <summary>
    /// A lecturer's offers and answers (with decline and withdrawal reasons) are read by the lecturer and the board only;
    /// a province sees the lecturer's topics, dates and load.
    /// </summary>
    private static LecturerView ForReader(ClaimsPrincipal user, LecturerView view) =>
        user.IsBoard() || user.IsLecturer(view.Id) ? view : view with { Assignments = [] };

    private static async Task<Ok<ImmutableArray<AssignmentView>>> GetAssignmentsAsync(string lecturerId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).GetAssignmentsAsync());

    private static async Task<Ok<AssignmentView>> AcceptAsync(string lecturerId, string assignmentId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).AcceptAsync(assignmentId));

    private static async Task<Results<Ok<AssignmentView>, ValidationProblem>> DeclineAsync(
        string lecturerId, string assignmentId, DeclineRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("reason", request.Reason);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).DeclineAsync(assignmentId, request.Reason));
    }

    private static async Task<Results<Ok<ImmutableArray<AssignmentView>>, ValidationProblem>> AnswerAllAsync(
        string lecturerId, AnswersRequest request, IGrainFactory grains)
    {
        var answers = request.Answers ?? [];
        var errors = new FieldErrors().Check(answers.Count > 0, "answers", "At least one answer is needed.");
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is null)
            {
                errors.Add($"answers[{i}]", $"'answers[{i}]' is required.");
                continue;
            }

            errors.RequireText($"answers[{i}].assignmentId", answers[i].AssignmentId);
            if (answers[i].Decision == OfferDecision.Decline)
            {
                errors.RequireText($"answers[{i}].reason", answers[i].Reason);
            }
        }

        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).AnswerAllAsync(
            [.. answers.Select(a => new OfferAnswer(a.AssignmentId, a.Decision, a.Reason))]));
    }

    private static async Task<Results<Ok<AssignmentView>, ValidationProblem>> WithdrawAsync(
        string lecturerId, string assignmentId, WithdrawalRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("reason", request.Reason);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).WithdrawAsync(assignmentId, request.Reason));
    }

    private static async Task<Ok<LecturerView>> AddUnavailableDateAsync(string lecturerId, UnavailableDateRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).AddUnavailableDateAsync(request.Date, request.Reason));

    private static async Task<Ok<LecturerView>> RemoveUnavailableDateAsync(string lecturerId, DateOnly date, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).RemoveUnavailableDateAsync(date));

    private static async Task<Ok<LecturerView>> SetUnavailabilityAsync(string lecturerId, UnavailabilityRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).SetUnavailabilityAsync([.. request.Dates.Distinct().Order()]));
}
