using System.Globalization;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>
/// The planner's words as the plan page says them: constraint names, scores, and the ids the engine puts in options
/// and moves ("host hue", "start 2029-03-02", a lecturer id) turned into province names, dates and lecturer names.
/// </summary>
public sealed class PlanLabels(IStringLocalizer<Text> text, PageFormat format, IReadOnlyDictionary<string, string> lecturerNames)
{
    public string Constraint(string name) =>
        text[$"Constraint_{name}"] is { ResourceNotFound: false } found ? found.Value : name;

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A difference with its sign, so "+120" (worse) and "−40" (better) read apart at a glance.</summary>
    public static string Signed(long value) => value switch
    {
        > 0 => "+" + Number(value),
        < 0 => "−" + Number(-value),
        _ => "0",
    };

    public string Score(PlanScore score) => string.Format(CultureInfo.CurrentCulture, text["ScoreValue"], Number(score.Hard), Number(score.Soft));

    public string Difference(PlanScore difference) =>
        string.Format(CultureInfo.CurrentCulture, text["ScoreValue"], Signed(difference.Hard), Signed(difference.Soft));

    public string Lecturer(string? id) => id is null ? "—" : lecturerNames.GetValueOrDefault(id, id);

    /// <summary>An alternative of an explanation: "host &lt;code&gt;", "start &lt;date&gt;", or a lecturer's id.</summary>
    public string Option(string option) =>
        option.StartsWith("host ", StringComparison.Ordinal) ? string.Format(CultureInfo.CurrentCulture, text["OptionHost"], format.Province(option[5..]))
        : option.StartsWith("start ", StringComparison.Ordinal) ? string.Format(CultureInfo.CurrentCulture, text["OptionStart"], Date(option[6..]))
        : Lecturer(option);

    /// <summary>One side of a moved host, start or lecturer.</summary>
    public string MoveValue(string kind, string? value) => value is null ? "—" : kind switch
    {
        "Host" => format.Province(value),
        "Start" => Date(value),
        "Lecturer" => Lecturer(value),
        _ => value,
    };

    public string MoveKind(string kind) => text[$"MoveKind_{kind}"] is { ResourceNotFound: false } found ? found.Value : kind;

    /// <summary>What a variant assumes, in a line: its own weights, a lecturer removed, a province unavailable.</summary>
    public string Spec(VariantSpec spec)
    {
        var parts = new List<string>();
        if (spec.Weights is not null)
        {
            parts.Add(text["SpecWeights"]);
        }

        if (spec.RemovedLecturerId is { } lecturer)
        {
            parts.Add(string.Format(CultureInfo.CurrentCulture, text["SpecRemovedLecturer"], Lecturer(lecturer)));
        }

        if (spec.UnavailableProvince is { } province)
        {
            var dates = spec.UnavailableDates.IsDefaultOrEmpty ? [] : spec.UnavailableDates.Order().ToList();
            parts.Add(dates.Count == 0
                ? string.Format(CultureInfo.CurrentCulture, text["SpecProvinceAllCycle"], format.Province(province))
                : string.Format(CultureInfo.CurrentCulture, text["SpecProvinceDates"], format.Province(province), dates.Count, format.Dates(dates[0], dates[^1])));
        }

        return parts.Count == 0 ? text["SpecNothing"] : string.Join("; ", parts);
    }

    /// <summary>The explanation's verdict in the page's language, from the best alternative's difference (positive = worse).</summary>
    public string Verdict(PlanExplanation explanation)
    {
        if (explanation.Alternatives.IsDefaultOrEmpty)
        {
            return text["ExplainNoAlternative"];
        }

        var best = explanation.Alternatives[0];
        var sign = best.Difference.Hard != 0 ? Math.Sign(best.Difference.Hard) : Math.Sign(best.Difference.Soft);
        return sign switch
        {
            > 0 => string.Format(CultureInfo.CurrentCulture, text["ExplainBetter"], Option(best.Option), Magnitude(best.Difference)),
            0 => string.Format(CultureInfo.CurrentCulture, text["ExplainEqual"], Option(best.Option)),
            _ => string.Format(CultureInfo.CurrentCulture, text["ExplainWorse"], Option(best.Option), Magnitude(best.Difference)),
        };
    }

    private string Magnitude(PlanScore difference) => Score(new PlanScore(Math.Abs(difference.Hard), Math.Abs(difference.Soft), difference.Feasible));

    private string Date(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? format.Date(date) : iso;
}
