using Microsoft.AspNetCore.Mvc;
using OrleansTraining.Gateway.Endpoints;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Pages.Lecturer;

/// <summary>
/// The lecturer's calendar feed: create or rotate its secret address (shown this once, in the answer to the post,
/// never stored in a cookie), or revoke it.
/// </summary>
public sealed partial class IndexModel
{
    public CalendarFeedStatus Feed { get; private set; } = new(false, null);

    /// <summary>The new address, right after it was created; null on every other rendering (only its hash is kept).</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task<IActionResult> OnPostRotateFeedAsync()
    {
        var token = await grains.GetGrain<ILecturerGrain>(RouteKey).RotateCalendarFeedAsync();
        NewFeedUrl = CalendarFeedEndpoints.Url(Request, token.Token, PageCultures.IsEnglish);
        // Rendered, not redirected: the address must not travel through TempData; no-store keeps it out of caches.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync()
    {
        await grains.GetGrain<ILecturerGrain>(RouteKey).RevokeCalendarFeedAsync();
        TempData["Notice"] = text["NoticeFeedRevoked"].Value;
        return RedirectToPage(new { lecturerId = RouteKey });
    }
}
