using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>Provinces and their hosting requests: a province answers its own; the board follows them all.</summary>
public static class ProvinceEndpoints
{
    public static IEndpointRouteBuilder MapProvinceEndpoints(this IEndpointRouteBuilder routes)
    {
        var provinces = routes.MapGroup("/api/provinces").WithTags("Provinces").RequireAuthorization(GatewayPolicies.BoardOrProvince)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        provinces.MapGet("", ListAsync).WithSummary("The 34 provincial-level units with the older units they absorbed.");

        var requests = provinces.MapGroup("/{code}/hosting-requests").ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("", ListRequestsAsync).AddEndpointFilter(new OwnProvinceFilter("code", boardAllowed: true))
            .WithSummary("The province's hosting requests and their answers.");

        var answers = requests.MapGroup("/{requestId}").RequireAuthorization(GatewayPolicies.Province)
            .AddEndpointFilter(new OwnProvinceFilter("code", boardAllowed: false))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        answers.MapPost("/confirm", ConfirmAsync).WithSummary("Confirms hosting with venue, rooms, lodging, transport and contact.");
        answers.MapPost("/decline", DeclineAsync).WithSummary("Declines hosting with a reason; the course is proposed to another province.");
        return routes;
    }

    private static async Task<Ok<ImmutableArray<ProvinceView>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(ImmutableArray.Create(
            await Task.WhenAll(ProvinceDirectory.Codes.Select(code => grains.GetGrain<IProvinceGrain>(code).GetAsync()))));

    private static async Task<Ok<ImmutableArray<HostingRequestView>>> ListRequestsAsync(string code, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).GetHostingRequestsAsync());

    private static async Task<Results<Ok<HostingRequestView>, ValidationProblem>> ConfirmAsync(
        string code, string requestId, ConfirmHostingRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors()
            .RequireText("venue", request.Venue)
            .Check(request.Rooms > 0, "rooms", "'rooms' must be at least 1.")
            .RequireText("lodging", request.Lodging)
            .RequireText("transport", request.Transport)
            .RequireText("contact", request.Contact);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).ConfirmHostingAsync(
            requestId, new HostingConfirmation(request.Venue, request.Rooms, request.Lodging, request.Transport, request.Contact)));
    }

    private static async Task<Results<Ok<HostingRequestView>, ValidationProblem>> DeclineAsync(
        string code, string requestId, DeclineRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("reason", request.Reason);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).DeclineHostingAsync(requestId, new HostingDecline(request.Reason)));
    }
}
