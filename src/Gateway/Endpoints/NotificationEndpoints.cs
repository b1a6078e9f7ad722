using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>The caller's own notifications (the board's, a province's or a lecturer's inbox); never anyone else's.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        var notifications = routes.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        notifications.MapGet("", ListAsync).ProducesValidationProblem()
            .WithSummary("The caller's notifications, unread first then newest, with the unread count; skip (0) and take (1…100, 20).");
        notifications.MapPost("/{notificationId}/read", MarkReadAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Marks one of the caller's notifications read; another account's id is unknown here (404).");
        notifications.MapPost("/read-all", MarkAllReadAsync).WithSummary("Marks every unread notification of the caller read.");
        notifications.MapGet("/email", GetEmailAsync).WithSummary("Where the caller's notifications are mailed (null: nowhere).");
        notifications.MapPut("/email", SetEmailAsync).ProducesValidationProblem()
            .WithSummary("Sets (or with null clears) where the caller's notifications are mailed, when the site mails them.");
        return routes;
    }

    private static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, IGrainFactory grains, int? skip, int? take) =>
        Inbox(user, grains) is { } inbox
            ? TypedResults.Ok(await inbox.ListAsync(skip ?? 0, take ?? 20))
            : NoInbox();

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> MarkReadAsync(
        string notificationId, ClaimsPrincipal user, IGrainFactory grains) =>
        Inbox(user, grains) is { } inbox
            ? TypedResults.Ok(await inbox.MarkReadAsync(notificationId))
            : NoInbox();

    private static async Task<Results<Ok<MarkedRead>, ProblemHttpResult>> MarkAllReadAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        Inbox(user, grains) is { } inbox
            ? TypedResults.Ok(new MarkedRead(await inbox.MarkAllReadAsync()))
            : NoInbox();

    private static async Task<Results<Ok<NotificationEmailRequest>, ProblemHttpResult>> GetEmailAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        Inbox(user, grains) is { } inbox
            ? TypedResults.Ok(new NotificationEmailRequest(await inbox.GetEmailAsync()))
            : NoInbox();

    private static async Task<Results<Ok<NotificationEmailRequest>, ProblemHttpResult>> SetEmailAsync(
        NotificationEmailRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Inbox(user, grains) is not { } inbox)
        {
            return NoInbox();
        }

        await inbox.SetEmailAsync(request.Email);
        return TypedResults.Ok(new NotificationEmailRequest(await inbox.GetEmailAsync()));
    }

    private static INotificationInboxGrain? Inbox(ClaimsPrincipal user, IGrainFactory grains) =>
        OwnInbox.KeyOf(user) is { } key ? grains.GetGrain<INotificationInboxGrain>(key) : null;

    private static ProblemHttpResult NoInbox() => ProblemResults.Forbidden("This account has no notifications.");

    /// <summary>How many notifications were unread before.</summary>
    public sealed record MarkedRead(int Marked);
}
