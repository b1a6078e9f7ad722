using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Endpoints;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Gateway.Pages.Evaluate;

/// <summary>
/// A trainee's evaluation form through their single-use link (no account): every session rated on content, method and
/// usefulness (1–5) with an optional comment, submitted once. The course grain judges the form; the page words it.
/// </summary>
public sealed class IndexModel(IGrainFactory grains, IStringLocalizer<Text> text) : PageModel
{
    public static readonly ImmutableArray<string> Criteria = ["content", "method", "usefulness"];

    public EvaluationFormView? Form { get; private set; }

    public SessionNames Names { get; private set; } = new();

    [BindProperty]
    public List<RatingInput> Ratings { get; set; } = [];

    /// <summary>The link has been used: by this person just now (<see cref="Thanked"/>) or earlier.</summary>
    public bool Used { get; private set; }

    public bool Thanked { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool done = false)
    {
        var loaded = await LoadAsync(token);
        if (loaded is not null)
        {
            return loaded;
        }

        // Back from a successful submission the link is used: thank them rather than refuse them.
        Thanked = Used && done;
        if (Used && !done)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var loaded = await LoadAsync(token);
        if (loaded is not null)
        {
            return loaded;
        }

        if (Used)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var sessions = Form!.Sessions;
        var rows = new List<EvaluationRequest>();
        for (var i = 0; i < sessions.Length; i++)
        {
            var input = Ratings.ElementAtOrDefault(i) ?? new RatingInput();
            foreach (var criterion in Criteria.Where(c => input.Score(c) is null))
            {
                Errors[Field(i, criterion)] = text["EvalPickScore"];
            }

            rows.Add(new EvaluationRequest(sessions[i].SessionId, input.Content ?? 0, input.Method ?? 0, input.Usefulness ?? 0, input.Comment));
        }

        if (Errors.Count == 0)
        {
            try
            {
                await grains.GetGrain<ICourseGrain>(Form.CourseId).SubmitEvaluationAsync(Secret(token), new EvaluationForm([.. rows]));
                return RedirectToPage(new { token, done = true });
            }
            catch (DomainValidationException invalid)
            {
                Errors[invalid.Field] = text[$"Invalid_{invalid.Field[(invalid.Field.LastIndexOf('.') + 1)..]}"] is { ResourceNotFound: false } found ? found.Value : invalid.Message;
            }
            catch (UnprocessableException unprocessable)
            {
                Problem = unprocessable.Message;
            }
            catch (ConflictException conflict) when (conflict.Rule == ConflictRules.EvaluationAlreadySubmitted)
            {
                Used = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
            catch (ConflictException conflict)
            {
                Problem = FieldMessages.For(text, conflict);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public static string Field(int index, string criterion) => $"ratings[{index}].{criterion}";

    public int? Score(int index, string criterion) => Ratings.ElementAtOrDefault(index)?.Score(criterion);

    public string? Comment(int index) => Ratings.ElementAtOrDefault(index)?.Comment;

    private static string Secret(string token) => TraineeEndpoints.Split(token).Secret;

    /// <summary>The form behind the link, or the 404 page; a used link sets <see cref="Used"/>.</summary>
    private async Task<IActionResult?> LoadAsync(string token)
    {
        try
        {
            var (courseId, secret) = TraineeEndpoints.Split(token);
            var course = grains.GetGrain<ICourseGrain>(courseId);
            try
            {
                Form = await course.GetEvaluationFormAsync(secret);
                Names = await SessionNames.LoadAsync(grains, courseId, Form.Sessions.Select(s => s.LecturerId));
            }
            catch (ConflictException conflict) when (conflict.Rule == ConflictRules.EvaluationAlreadySubmitted)
            {
                Used = true;
            }
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_NotFound");
        }

        Response.Headers["Referrer-Policy"] = "no-referrer";
        return null;
    }
}

/// <summary>One session's ratings as typed; missing scores are named on the page, ranges judged by the course.</summary>
public sealed class RatingInput
{
    public int? Content { get; set; }

    public int? Method { get; set; }

    public int? Usefulness { get; set; }

    public string? Comment { get; set; }

    public int? Score(string criterion) => criterion switch
    {
        "content" => Content,
        "method" => Method,
        _ => Usefulness,
    };
}
