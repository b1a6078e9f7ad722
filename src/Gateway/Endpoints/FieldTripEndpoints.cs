using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.FieldTrips;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>Field trips: anyone signed in reads one; the board orders, changes and cancels it and replaces declined stops.</summary>
public static class FieldTripEndpoints
{
    public static IEndpointRouteBuilder MapFieldTripEndpoints(this IEndpointRouteBuilder routes)
    {
        var trips = routes.MapGroup("/api/field-trips").WithTags("Field trips")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        trips.MapGet("/{tripId}", GetAsync).WithSummary("A field trip: trip k of n, stops in order with their confirmations.");

        var board = trips.MapGroup("/{tripId}").RequireAuthorization(GatewayPolicies.Board).ProducesProblem(StatusCodes.Status403Forbidden);
        board.MapGet("/suggested-order", SuggestedOrderAsync)
            .WithSummary("The order of the stops that needs the fewest travel days (then road km), against the current order.");
        board.MapGet("/stops/{stopNumber:int}/replacements", ReplacementsAsync)
            .WithSummary("For a declined stop: the nearest provinces that can brief on its topics, free on its dates and reachable in time.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPut("/stops/{stopNumber:int}", ReplaceStopAsync)
            .WithSummary("Moves a declined stop to the province the board picks; that province receives a hosting request.")
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPut("", ChangeAsync)
            .WithSummary("Changes the trip: unchanged stops keep their answers, new or moved stops are requested, dropped stops' requests withdrawn.")
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        board.MapDelete("", CancelAsync).WithSummary("Cancels the trip and withdraws every stop's request.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<FieldTripView>> GetAsync(string tripId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IFieldTripGrain>(tripId).GetAsync());

    private static async Task<Ok<StopOrderSuggestion>> SuggestedOrderAsync(string tripId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IFieldTripGrain>(tripId).GetSuggestedOrderAsync());

    private static async Task<Ok<ImmutableArray<StopReplacement>>> ReplacementsAsync(string tripId, int stopNumber, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IFieldTripGrain>(tripId).GetReplacementsAsync(stopNumber));

    private static async Task<Results<Ok<FieldTripView>, ValidationProblem>> ReplaceStopAsync(
        string tripId, int stopNumber, ReplaceStopRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("provinceCode", request.ProvinceCode);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IFieldTripGrain>(tripId).ReplaceStopAsync(stopNumber, request.ProvinceCode.Trim()));
    }

    private static async Task<Results<Ok<FieldTripView>, ValidationProblem>> ChangeAsync(string tripId, CreateFieldTripRequest request, IGrainFactory grains)
    {
        var stops = request.Stops ?? [];
        var errors = new FieldErrors()
            .RequireText("className", request.ClassName)
            .Check(stops.Count > 0, "stops", "A field trip needs at least one stop.");
        for (var i = 0; i < stops.Count; i++)
        {
            errors.RequireText($"stops[{i}].provinceCode", stops[i]?.ProvinceCode);
        }

        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IFieldTripGrain>(tripId).ChangeAsync(new NewFieldTrip(
            request.ClassName,
            request.TripNumber,
            request.TripCount,
            [.. stops.Select(s => new FieldTripStopDraft(s.ProvinceCode, s.Place, s.Start, s.End, [.. s.BriefingTopics ?? []], s.Sessions))],
            request.ParticipantCount,
            request.ParticipantProvinceCount,
            [.. request.CoOrganisers ?? []],
            request.Historical)));
    }

    private static async Task<Ok<FieldTripView>> CancelAsync(string tripId, IGrainFactory grains, string? reason = null) =>
        TypedResults.Ok(await grains.GetGrain<IFieldTripGrain>(tripId).CancelAsync(reason));
}
