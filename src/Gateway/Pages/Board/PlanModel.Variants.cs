using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>The what-if side of the plan page: the saved variants, saving a new one, comparing one and adopting it.</summary>
public sealed partial class PlanModel
{
    /// <summary>The weights the form edits, by the field names the grain reports them under ("spec.weights.fairLoad").</summary>
    public static readonly IReadOnlyList<WeightField> WeightFields =
    [
        new("traineeTravel", "TraineeTravel", w => w.TraineeTravel, (w, v) => w with { TraineeTravel = v }),
        new("lecturerTravel", "LecturerTravel", w => w.LecturerTravel, (w, v) => w with { LecturerTravel = v }),
        new("fairLoad", "FairLoad", w => w.FairLoad, (w, v) => w with { FairLoad = v }),
        new("hostRotation", "HostRotation", w => w.HostRotation, (w, v) => w with { HostRotation = v }),
        new("courseSpread", "CourseSpread", w => w.CourseSpread, (w, v) => w with { CourseSpread = v }),
        new("hostSpread", "HostSpread", w => w.HostSpread, (w, v) => w with { HostSpread = v }),
        new("regionalBalance", "RegionalBalance", w => w.RegionalBalance, (w, v) => w with { RegionalBalance = v }),
        new("ownDepartment", "OwnDepartment", w => w.OwnDepartment, (w, v) => w with { OwnDepartment = v }),
        new("changes", "Changes", w => w.Changes, (w, v) => w with { Changes = v }),
    ];

    public ImmutableArray<VariantSummary> Variants { get; private set; } = [];

    /// <summary>The lecturers of the plan, for the "remove a lecturer" choice, by name.</summary>
    public IReadOnlyList<(string Id, string Name)> Lecturers { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "variant")]
    public string? VariantName { get; set; }

    public VariantComparison? Comparison { get; private set; }

    public VariantSummary? ComparedVariant => Variants.FirstOrDefault(v => v.Name == Comparison?.Name);

    public string? ComparisonProblem { get; private set; }

    [BindProperty]
    public VariantInput Input { get; set; } = new();

    /// <summary>The save form's refusals by field: name, weights.&lt;weight&gt;, removedLecturerId, unavailableProvince, unavailableDates.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A refusal of the save form that names no field of it.</summary>
    public string? SaveProblem { get; private set; }

    public bool HasError(string field) => Errors.ContainsKey(field);

    /// <summary>The value a weight's input shows: what was typed after a refusal, else the cycle's current weight.</summary>
    public string WeightValue(WeightField field) =>
        Input.Weights.TryGetValue(field.Name, out var typed) && typed is not null ? typed
        : Score is { } score ? field.Get(score.Weights).ToString(CultureInfo.InvariantCulture)
        : "";

    public async Task<IActionResult> OnPostSaveVariantAsync(string cycleId)
    {
        var cycle = grains.GetGrain<ICycleGrain>(cycleId);
        PlannerWeights current;
        try
        {
            current = (await cycle.GetPlanScoreAsync()).Weights;
        }
        catch (NotFoundException)
        {
            return NotFoundPage();
        }

        var weights = ReadWeights(current);
        var dates = ReadDates();
        if (Errors.Count == 0)
        {
            try
            {
                var saved = await cycle.SaveVariantAsync(
                    Input.Name?.Trim() ?? "",
                    new VariantSpec(weights, Blank(Input.RemovedLecturerId), Blank(Input.UnavailableProvince), dates));
                var score = string.Format(CultureInfo.CurrentCulture, text["ScoreValue"], PlanLabels.Number(saved.Score.Hard), PlanLabels.Number(saved.Score.Soft));
                TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, text["NoticeVariantSaved"], saved.Name, score);
                return RedirectToPage(null, null, new { cycleId, variant = saved.Name }, "comparison");
            }
            catch (DomainValidationException invalid)
            {
                // The grain names "name" or "spec.weights.<weight>"; the form shows each beside its input.
                var field = invalid.Field.StartsWith("spec.", StringComparison.Ordinal) ? invalid.Field[5..] : invalid.Field;
                Errors[field] = field.StartsWith("weights.", StringComparison.Ordinal) ? text["Invalid_weights"] : FieldMessages.For(text, invalid);
            }
            catch (NotFoundException missing) when (missing.Entity is "lecturer" or "province")
            {
                Errors[missing.Entity == "lecturer" ? "removedLecturerId" : "unavailableProvince"] =
                    text[missing.Entity == "lecturer" ? "Invalid_removedLecturerId" : "Invalid_unavailableProvince"];
            }
            catch (ConflictException conflict)
            {
                SaveProblem = FieldMessages.For(text, conflict);
            }
        }

        await LoadAsync(cycleId);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostAdoptAsync(string cycleId, string? name)
    {
        try
        {
            await grains.GetGrain<ICycleGrain>(cycleId).AdoptVariantAsync(name ?? "");
            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, text["NoticeVariantAdopted"], name);
            return RedirectToPage(new { cycleId });
        }
        catch (ConflictException conflict)
        {
            ComparisonProblem = FieldMessages.For(text, conflict);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (NotFoundException)
        {
            ComparisonProblem = text["VariantNotFound"];
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        VariantName = name;
        return await LoadAsync(cycleId) ? Page() : NotFoundPage();
    }

    private async Task CompareAsync(ICycleGrain cycle)
    {
        if (string.IsNullOrWhiteSpace(VariantName))
        {
            return;
        }

        try
        {
            Comparison = await cycle.CompareVariantAsync(VariantName);
        }
        catch (NotFoundException)
        {
            ComparisonProblem ??= text["VariantNotFound"];
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>The typed weights, or null when they are the cycle's current ones (the variant then plans with those).</summary>
    private PlannerWeights? ReadWeights(PlannerWeights current)
    {
        var weights = current;
        foreach (var field in WeightFields)
        {
            if (!Input.Weights.TryGetValue(field.Name, out var typed) || string.IsNullOrWhiteSpace(typed))
            {
                continue;
            }

            if (int.TryParse(typed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                weights = field.With(weights, value);
            }
            else
            {
                Errors[$"weights.{field.Name}"] = text["Invalid_weights"];
            }
        }

        return weights == current ? null : weights;
    }

    /// <summary>The unavailable days from the two date inputs: one day, a range, or none (the whole cycle).</summary>
    private ImmutableArray<DateOnly> ReadDates()
    {
        var from = ParseDate(Input.UnavailableFrom);
        var to = ParseDate(Input.UnavailableTo);
        if (from is { Ok: false } || to is { Ok: false } || (from?.Date > to?.Date))
        {
            Errors["unavailableDates"] = text["Invalid_unavailableDates"];
            return [];
        }

        var (first, last) = (from?.Date ?? to?.Date, to?.Date ?? from?.Date);
        return first is { } start && last is { } end
            ? [.. Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(start.AddDays)]
            : [];
    }

    private static (bool Ok, DateOnly Date)? ParseDate(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (true, date)
        : (false, default);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record WeightField(string Name, string Constraint, Func<PlannerWeights, int> Get, Func<PlannerWeights, int, PlannerWeights> With);

/// <summary>A what-if variant as typed; the cycle grain checks the name, the weights' range, the lecturer and the province.</summary>
public sealed class VariantInput
{
    public string? Name { get; set; }

    public Dictionary<string, string?> Weights { get; set; } = new(StringComparer.Ordinal);

    public string? RemovedLecturerId { get; set; }

    public string? UnavailableProvince { get; set; }

    public string? UnavailableFrom { get; set; }

    public string? UnavailableTo { get; set; }
}
