using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>
/// Decisions no cycle could hold (addressed to a cycle or field trip that does not exist, or refused by a trip outside
/// any cycle): the board's counterpart of a cycle's escalations, also announced in its notifications.
/// </summary>
public static class UndeliverableDecisionEndpoints
{
    public static IEndpointRouteBuilder MapUndeliverableDecisionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/undeliverable-decisions", ListAsync).WithTags("Cycles").RequireAuthorization(GatewayPolicies.Board)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Decisions that reached no cycle or field trip able to record them, newest first.");
        return routes;
    }

    private static async Task<Ok<UndeliverableDecision[]>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetUndeliverableAsync()).ToArray());
}
