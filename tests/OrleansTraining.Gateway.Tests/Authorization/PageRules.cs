namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// Who may use the pages whose folder does not say it: the public ones, which need no account, and those that decide by
/// the course's own people or by whose inbox it is. Said here independently of the code; a page under the visitor
/// policy alone that is in neither list fails the matrix until it is given a rule.
/// </summary>
public static class PageRules
{
    /// <summary>Pages anyone may use without an account, each with why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Public = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/Index"] = "the home page says what the system is and links to sign-in",
        ["/Account/SignIn"] = "signing in",
        ["/Account/SignOut"] = "signing out (a POST with an antiforgery token)",
        ["/Account/Denied"] = "the refusal page itself: it answers 403 to everyone",
        ["/Language"] = "the language switch only sets the culture cookie",
        ["/Trainees/Index"] = "a trainee's page, reached by their personal link: trainees have no account",
        ["/Evaluate/Index"] = "a trainee's evaluation form, reached by their single-use link",
    };

    /// <summary>The page that is itself the 403 answer.</summary>
    public const string DeniedPage = "/Account/Denied";

    private static readonly Dictionary<string, Caller[]> Admitted = new(StringComparer.Ordinal)
    {
        // Attendance is taken by the board or the course's host province, as in the API.
        ["/Courses/Attendance"] = [Caller.Board, Caller.OwnProvince],
        // Trainee links: the board, or a province for its own nominees (neither province of the world nominated anyone).
        ["/Courses/TraineeLinks"] = [Caller.Board],
        // Every account reads and marks its own inbox (the board's, its province's, its lecturer's), never another's.
        ["/Notifications/Index"] = [Caller.Board, Caller.OwnProvince, Caller.OtherProvince, Caller.OwnLecturer, Caller.OtherLecturer],
    };

    public static bool IsPublic(PageOperation operation) => Public.ContainsKey(operation.Page);

    /// <summary>The callers admitted, or null when the page has no rule at all (neither public, explicit nor by its folder).</summary>
    public static IReadOnlySet<Caller>? For(PageOperation operation) =>
        IsPublic(operation) ? Enum.GetValues<Caller>().ToHashSet()
        : Admitted.TryGetValue(operation.Page, out var callers) ? callers.ToHashSet()
        : operation.Admitted();
}
