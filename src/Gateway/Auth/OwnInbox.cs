using System.Security.Claims;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// The only inbox an account reads and marks: the board's, its own province's or its own lecturer's. Nothing in a
/// request chooses it, so no account can reach another's notifications.
/// </summary>
public static class OwnInbox
{
    public static string? KeyOf(ClaimsPrincipal user) =>
        user.IsBoard() ? NotificationRecipients.Board
        : user.ProvinceCode() is { } code ? NotificationRecipients.Province(code)
        : user.LecturerId() is { } lecturerId ? NotificationRecipients.Lecturer(lecturerId)
        : null;
}
