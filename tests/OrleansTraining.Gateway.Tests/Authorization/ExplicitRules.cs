namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// Who may call the operations whose rule is not "the policy's roles, and only the province or lecturer the route names":
/// those that decide by the course's own people (its lecturers, host and nominating provinces), and those that admit fewer
/// roles than their group. Said here independently of the code, as the README states them.
/// </summary>
public static class ExplicitRules
{
    private static readonly Dictionary<string, Caller[]> Admitted = new(StringComparer.Ordinal)
    {
        // Materials are read by the board, the course's lecturers, its host and its nominating provinces.
        ["GET /api/courses/{courseId}/materials/"] = [Caller.Board, Caller.OwnProvince, Caller.OwnLecturer],
        ["GET /api/courses/{courseId}/materials/{materialId}"] = [Caller.Board, Caller.OwnProvince, Caller.OwnLecturer],
        // Uploaded by the board or a lecturer teaching that topic in the course.
        ["POST /api/courses/{courseId}/materials/"] = [Caller.Board, Caller.OwnLecturer],
        // Trainee links: the board, or a province for its own nominees (neither province of the world nominated anyone).
        ["POST /api/courses/{courseId}/trainee-links"] = [Caller.Board],
        // A lecturer's offers: the lecturer and the board, no province.
        ["GET /api/lecturers/{lecturerId}/assignments"] = [Caller.Board, Caller.OwnLecturer],
    };

    public static IReadOnlySet<Caller>? For(Operation operation) =>
        Admitted.TryGetValue(operation.ToString(), out var callers) ? callers.ToHashSet() : null;
}
