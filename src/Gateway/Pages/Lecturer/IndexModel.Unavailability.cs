using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Pages.Lecturer;

/// <summary>
/// The lecturer's unavailable dates, added and removed one by one. The grain decides (an accepted session on the date
/// refuses it; open offers on it are declined); the page says its refusal beside the field.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The date typed in the add form, as the browser's date field sends it (yyyy-MM-dd).</summary>
    [BindProperty]
    public string? UnavailableDate { get; set; }

    [BindProperty]
    public string? UnavailableReason { get; set; }

    public string? UnavailableDateError { get; private set; }

    public string? UnavailableReasonError { get; private set; }

    public async Task<IActionResult> OnPostAddUnavailableAsync()
    {
        if (!DateOnly.TryParseExact(UnavailableDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            UnavailableDateError = text["UnavailableDateRequired"];
            return await RefusedAsync();
        }

        try
        {
            await grains.GetGrain<ILecturerGrain>(RouteKey).AddUnavailableDateAsync(date, UnavailableReason);
            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, text["NoticeUnavailableAdded"], Format.Date(date));
            return RedirectToPage(new { lecturerId = RouteKey });
        }
        catch (DomainValidationException invalid) when (invalid.Field == "reason")
        {
            UnavailableReasonError = text["UnavailableReasonTooLong"];
        }
        catch (ConflictException conflict)
        {
            UnavailableDateError = FieldMessages.For(text, conflict);
        }

        return await RefusedAsync();
    }

    public async Task<IActionResult> OnPostRemoveUnavailableAsync(string date)
    {
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            try
            {
                await grains.GetGrain<ILecturerGrain>(RouteKey).RemoveUnavailableDateAsync(day);
                TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, text["NoticeUnavailableRemoved"], Format.Date(day));
                return RedirectToPage(new { lecturerId = RouteKey });
            }
            catch (NotFoundException)
            {
            }
        }

        UnavailableDateError = text["UnavailableDateNotDeclared"];
        return await RefusedAsync();
    }

    private PageFormat Format => HttpContext.RequestServices.GetRequiredService<PageFormat>();

    private async Task<IActionResult> RefusedAsync()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }
}
