using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Grains.FieldTrips;

namespace OrleansTraining.Gateway.Endpoints;

public static class FieldTripEndpoints
{
    public static IEndpointRouteBuilder MapFieldTripEndpoints(this IEndpointRouteBuilder routes)
    {
        var trips = routes.MapGroup("/api/field-trips").WithTags("Field trips")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        trips.MapGet("/{tripId}", GetAsync).WithSummary("A field trip: trip k of n, stops in order with their confirmations.");
        return routes;
    }

    private static async Task<Ok<FieldTripView>> GetAsync(string tripId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IFieldTripGrain>(tripId).GetAsync());
}
