using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Pages.Province;

/// <summary>The courses open for nominations, with the province's trainees in each; nominate one trainee at a time.</summary>
public sealed class NominationsModel(IGrainFactory grains, IStringLocalizer<Text> text)
    : OwnPageModel("code", (user, code) => user.ActsFor(code))
{
    public string Code => RouteKey;

    public IReadOnlyList<CourseView> Open { get; private set; } = [];

    [BindProperty]
    public TraineeInput Trainee { get; set; } = new();

    public string? ActiveCourseId { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Problem { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostNominateAsync(string courseId)
    {
        if (string.IsNullOrWhiteSpace(courseId))
        {
            // A post naming no course (not from this page's forms) names no course there is: no grain has an empty key.
            Problem = text["CourseNotFound"];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync();
            return Page();
        }

        try
        {
            await grains.GetGrain<ICourseGrain>(courseId).NominateAsync(new NominationRequest(Code,
            [
                new Trainee(Trainee.FullName ?? "", Trainee.Position ?? TraineePosition.Head, Trainee.Level ?? AdministrativeLevel.Provincial, Trainee.Unit),
            ]));
            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, text["NoticeNominated"], Trainee.FullName?.Trim(), courseId);
            return RedirectToPage(new { code = Code });
        }
        catch (DomainValidationException invalid)
        {
            // The grain names the field of one trainee in a list ("trainees[0].fullName"); this form has one trainee.
            var field = invalid.Field[(invalid.Field.LastIndexOf('.') + 1)..];
            Errors[field] = text[$"Invalid_{field}"] is { ResourceNotFound: false } found ? found.Value : invalid.Message;
        }
        catch (ConflictException conflict)
        {
            Problem = FieldMessages.For(text, conflict);
        }
        catch (NotFoundException)
        {
            Problem = text["CourseNotFound"];
        }

        ActiveCourseId = courseId;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }

    public bool HasError(string courseId, string field) => ActiveCourseId == courseId && Errors.ContainsKey(field);

    private async Task LoadAsync()
    {
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var cycles = await Task.WhenAll(registry.CycleIds.Select(id => grains.GetGrain<ICycleGrain>(id).GetAsync()));
        var plans = await Task.WhenAll(cycles.Where(c => c.Status is CycleStatus.Published or CycleStatus.Running)
            .Select(c => grains.GetGrain<ICycleGrain>(c.Id).GetPlanAsync()));
        Open = [.. plans.SelectMany(p => p.Courses)
            .Where(c => c.Status is CourseStatus.Published or CourseStatus.HostConfirmed)
            .OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }
}

/// <summary>One trainee as typed; the course grain checks it against the course's audience and the quota.</summary>
public sealed class TraineeInput
{
    public string? FullName { get; set; }

    public TraineePosition? Position { get; set; }

    public AdministrativeLevel? Level { get; set; }

    public string? Unit { get; set; }
}
