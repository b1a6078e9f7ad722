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
        var decisions = routes.MapGroup("/api/undeliverable-decisions").WithTags("Cycles").RequireAuthorization(GatewayPolicies.Board)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        decisions.MapGet("/", ListAsync)
            .WithSummary("Decisions that reached no cycle or field trip able to record them, newest first (dismissed ones too with includeDismissed=true).");
        decisions.MapPost("/{followUpId}/dismiss", DismissAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The board has dealt with the decision: it leaves the list, recording who dismissed it and when. Dismissing it again changes nothing.");
        return routes;
    }

    private static async Task<Ok<UndeliverableDecision[]>> ListAsync(IGrainFactory grains, bool includeDismissed = false) =>
        TypedResults.Ok((await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetUndeliverableAsync(includeDismissed)).ToArray());

    private static async Task<Ok<UndeliverableDecision>> DismissAsync(string followUpId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).DismissUndeliverableAsync(followUpId));
}
