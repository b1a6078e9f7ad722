using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Pages.Lecturer;

/// <summary>A lecturer's offers (accept, or decline with a reason) and assignments, with dates and places.</summary>
public sealed partial class IndexModel(IGrainFactory grains, IStringLocalizer<Text> text)
    : OwnPageModel("lecturerId", (user, id) => user.IsLecturer(id))
{
    public LecturerView Lecturer { get; private set; } = null!;

    public IReadOnlyList<AssignmentView> Offers { get; private set; } = [];

    public IReadOnlyList<AssignmentView> Others { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public string? ActiveAssignmentId { get; private set; }

    public string? ReasonError { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The offers ticked in the "several at once" form.</summary>
    [BindProperty]
    public List<string> Selected { get; set; } = [];

    /// <summary>What the grain refused when answering several at once, one line per offer; the others were answered.</summary>
    public List<string> ManyProblems { get; } = [];

    public string? ManyReasonError { get; private set; }

    public int ManyAnswered { get; private set; }

    private Dictionary<string, string> CourseTitles { get; } = new(StringComparer.Ordinal);

    private Dictionary<string, Topic> Topics { get; } = new(StringComparer.Ordinal);

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostAcceptAsync(string assignmentId) =>
        AnswerAsync(assignmentId, lecturer => lecturer.AcceptAsync(assignmentId), "NoticeAccepted");

    public Task<IActionResult> OnPostDeclineAsync(string assignmentId) =>
        AnswerAsync(assignmentId, lecturer => lecturer.DeclineAsync(assignmentId, Reason ?? ""), "NoticeOfferDeclined");

    public Task<IActionResult> OnPostAcceptManyAsync() =>
        AnswerManyAsync((lecturer, id) => lecturer.AcceptAsync(id), "NoticeAcceptedMany");

    public Task<IActionResult> OnPostDeclineManyAsync() =>
        AnswerManyAsync((lecturer, id) => lecturer.DeclineAsync(id, Reason ?? ""), "NoticeDeclinedMany");

    public string CourseTitle(string courseId) => CourseTitles.GetValueOrDefault(courseId, courseId);

    public string TopicTitle(string code) =>
        Topics.TryGetValue(code, out var topic) ? (PageCultures.IsEnglish ? topic.TitleEn : topic.TitleVi) : code;

    private async Task<IActionResult> AnswerAsync(string assignmentId, Func<ILecturerGrain, Task<AssignmentView>> answer, string notice)
    {
        try
        {
            var answered = await answer(grains.GetGrain<ILecturerGrain>(RouteKey));
            TempData["Notice"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text[notice], answered.Offer.CourseId);
            return RedirectToPage(new { lecturerId = RouteKey });
        }
        catch (DomainValidationException invalid)
        {
            ReasonError = FieldMessages.For(text, invalid);
        }
        catch (ConflictException conflict)
        {
            Problem = FieldMessages.For(text, conflict);
        }
        catch (NotFoundException)
        {
            Problem = text["OfferNotFound"];
        }

        ActiveAssignmentId = assignmentId;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }

    /// <summary>
    /// Each ticked offer is one answer to the lecturer grain, as one API call each: the grain checks every one on its
    /// own (calendar, deadline), so one refused offer leaves the others answered.
    /// </summary>
    private async Task<IActionResult> AnswerManyAsync(Func<ILecturerGrain, string, Task<AssignmentView>> answer, string notice)
    {
        var lecturer = grains.GetGrain<ILecturerGrain>(RouteKey);
        var selected = Selected.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (selected.Count == 0)
        {
            ManyProblems.Add(text["SelectAtLeastOne"]);
        }

        foreach (var id in selected)
        {
            try
            {
                await answer(lecturer, id);
                ManyAnswered++;
            }
            catch (DomainValidationException invalid) when (invalid.Field == "reason")
            {
                // The same refusal for every offer: say it once, beside the reason.
                ManyReasonError = FieldMessages.For(text, invalid);
                break;
            }
            catch (DomainException refused) when (refused is ConflictException or NotFoundException or DomainValidationException)
            {
                ManyProblems.Add($"{id}: {(refused is ConflictException conflict ? FieldMessages.For(text, conflict) : refused.Message)}");
            }
        }

        if (ManyProblems.Count == 0 && ManyReasonError is null)
        {
            TempData["Notice"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text[notice], ManyAnswered);
            return RedirectToPage(new { lecturerId = RouteKey });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Lecturer = await grains.GetGrain<ILecturerGrain>(RouteKey).GetAsync();
        Feed = await grains.GetGrain<ILecturerGrain>(RouteKey).GetCalendarFeedStatusAsync();
        Offers = [.. Lecturer.Assignments.Where(a => a.Status == AssignmentStatus.Offered).OrderBy(a => a.Offer.Date).ThenBy(a => a.Offer.Slot)];
        Others = [.. Lecturer.Assignments.Where(a => a.Status != AssignmentStatus.Offered).OrderByDescending(a => a.Offer.Date)];

        // Titles for the page: each course once, each curriculum once.
        var courses = await Task.WhenAll(Lecturer.Assignments.Select(a => a.Offer.CourseId).Distinct()
            .Select(id => grains.GetGrain<ICourseGrain>(id).GetAsync()));
        foreach (var course in courses)
        {
            CourseTitles[course.Id] = course.Title;
        }

        var curricula = await Task.WhenAll(courses.Select(c => c.CurriculumVersion).Distinct()
            .Select(version => grains.GetGrain<ICurriculumGrain>(version).GetAsync()));
        foreach (var topic in curricula.SelectMany(c => c.Topics))
        {
            Topics[topic.Code] = topic;
        }
    }
}
