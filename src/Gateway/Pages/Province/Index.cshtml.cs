using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Pages.Province;

/// <summary>A province's hosting requests: pending ones with their deadline, to confirm with logistics or decline.</summary>
public sealed class IndexModel(IGrainFactory grains, IStringLocalizer<Text> text)
    : OwnPageModel("code", (user, code) => user.ActsFor(code))
{
    public string Code => RouteKey;

    public IReadOnlyList<HostingRequestView> Pending { get; private set; } = [];

    public IReadOnlyList<HostingRequestView> Answered { get; private set; } = [];

    [BindProperty]
    public LogisticsInput Logistics { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The request whose form was sent back with a refusal, and which form.</summary>
    public string? ActiveRequestId { get; private set; }

    public string? ActiveForm { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Problem { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostConfirmAsync(string requestId)
    {
        var confirmation = new HostingConfirmation(
            Logistics.Venue ?? "", Logistics.Rooms ?? 0, Logistics.Lodging ?? "", Logistics.Transport ?? "", Logistics.Contact ?? "");
        return await AnswerAsync(requestId, "confirm", province => province.ConfirmHostingAsync(requestId, confirmation), "NoticeConfirmed");
    }

    public Task<IActionResult> OnPostDeclineAsync(string requestId) =>
        AnswerAsync(requestId, "decline", province => province.DeclineHostingAsync(requestId, new HostingDecline(Reason ?? "")), "NoticeDeclined");

    public bool HasError(string requestId, string form, string field) =>
        ActiveRequestId == requestId && ActiveForm == form && Errors.ContainsKey(field);

    private async Task<IActionResult> AnswerAsync(
        string requestId, string form, Func<IProvinceGrain, Task<HostingRequestView>> answer, string notice)
    {
        try
        {
            var answered = await answer(grains.GetGrain<IProvinceGrain>(Code));
            TempData["Notice"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text[notice], answered.Request.Title);
            return RedirectToPage(new { code = Code });
        }
        catch (DomainValidationException invalid)
        {
            Errors[invalid.Field] = FieldMessages.For(text, invalid);
        }
        catch (ConflictException conflict)
        {
            Problem = FieldMessages.For(text, conflict);
        }
        catch (NotFoundException)
        {
            Problem = text["RequestNotFound"];
        }

        ActiveRequestId = requestId;
        ActiveForm = form;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var requests = await grains.GetGrain<IProvinceGrain>(Code).GetHostingRequestsAsync();
        Pending = [.. requests.Where(r => r.Status == HostingRequestStatus.Pending).OrderBy(r => r.Request.AnswerBy)];
        Answered = [.. requests.Where(r => r.Status != HostingRequestStatus.Pending).OrderByDescending(r => r.AnsweredAt ?? r.ReceivedAt)];
    }
}

/// <summary>The logistics form as typed; the province grain checks it.</summary>
public sealed class LogisticsInput
{
    public string? Venue { get; set; }

    public int? Rooms { get; set; }

    public string? Lodging { get; set; }

    public string? Transport { get; set; }

    public string? Contact { get; set; }
}
