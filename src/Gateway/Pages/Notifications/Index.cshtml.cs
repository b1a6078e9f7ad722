using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using Microsoft.Extensions.Localization;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Gateway.Pages.Notifications;

/// <summary>The signed-in account's own notifications, unread first, each linking to the page that answers it.</summary>
public sealed class IndexModel(IGrainFactory grains, IStringLocalizer<Text> text) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Named "p": "page" is Razor Pages' own route value and would break the forms' handler addresses.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public NotificationPage Notifications { get; private set; } = new([], 0, 0);

    public bool HasOlder => PageNumber * PageSize < Notifications.Total;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Inbox() is not { } inbox)
        {
            return Refusal();
        }

        PageNumber = Math.Max(1, PageNumber);
        Notifications = await inbox.ListAsync((PageNumber - 1) * PageSize, PageSize);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(string notificationId)
    {
        if (Inbox() is not { } inbox)
        {
            return Refusal();
        }

        try
        {
            await inbox.MarkReadAsync(notificationId);
        }
        catch (Grains.Common.NotFoundException)
        {
            // Only this account's own inbox is ever touched: an id from elsewhere is unknown here and changes nothing.
            return NotFound();
        }

        TempData["Notice"] = text["NotificationsMarkedRead"].Value;
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        if (Inbox() is not { } inbox)
        {
            return Refusal();
        }

        await inbox.MarkAllReadAsync();
        TempData["Notice"] = text["NotificationsMarkedRead"].Value;
        return RedirectToPage();
    }

    /// <summary>No inbox: without a session, to sign-in (a post too, not the 403 page); signed in without one, the 403 page.</summary>
    private IActionResult Refusal() => User.Identity?.IsAuthenticated == true ? Forbid(PageAuth.Scheme) : Challenge(PageAuth.Scheme);

    private INotificationInboxGrain? Inbox() =>
        OwnInbox.KeyOf(User) is { } key ? grains.GetGrain<INotificationInboxGrain>(key) : null;
}
