namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>What a body property naming someone or something may hold.</summary>
public enum BodyOwnerKind
{
    /// <summary>Must be the caller's own (or the route's): another is refused by name. Probed.</summary>
    CallersOwn,

    /// <summary>Must belong to the route's subject (an assignment of this lecturer, a trainee of this course): another is refused by name. Probed.</summary>
    RoutesOwn,

    /// <summary>The board acts for every province and lecturer: it names them as data (a stop's province, a what-if's absent lecturer).</summary>
    BoardChooses,

    /// <summary>Names the record the request creates.</summary>
    Creates,

    /// <summary>Names the account signing in; its password decides.</summary>
    SignsIn,
}

/// <summary>
/// Every body property of the API that names an owner or a subject, and its rule. A new such property without a rule
/// fails <see cref="BodyOwnerFieldsTests"/>: it cannot silently accept someone else's id.
/// </summary>
public static class BodyOwnerRules
{
    public static readonly IReadOnlyDictionary<string, (BodyOwnerKind Kind, string Why)> All = new Dictionary<string, (BodyOwnerKind, string)>(StringComparer.Ordinal)
    {
        ["POST /api/auth/token userName"] = (BodyOwnerKind.SignsIn, "the account to sign in as"),
        ["POST /api/cycles id"] = (BodyOwnerKind.Creates, "the new cycle's id"),
        ["POST /api/courses/{courseId}/nominations provinceCode"] = (BodyOwnerKind.CallersOwn, "a province nominates for itself; it may repeat its own code"),
        ["POST /api/lecturers/{lecturerId}/answers answers[].assignmentId"] = (BodyOwnerKind.RoutesOwn, "a lecturer answers its own offers only"),
        ["POST /api/evaluations/{token} traineeId"] = (BodyOwnerKind.CallersOwn, "a link rates as its own trainee"),
        ["POST /api/evaluations/{token} ratings[].sessionId"] = (BodyOwnerKind.RoutesOwn, "the sessions of the link's course"),
        ["POST /api/courses/{courseId}/evaluations traineeId"] = (BodyOwnerKind.RoutesOwn, "a paper form names a trainee of the route's course"),
        ["POST /api/courses/{courseId}/evaluations ratings[].sessionId"] = (BodyOwnerKind.RoutesOwn, "the sessions of the route's course"),
        ["POST /api/courses/{courseId}/attendance presentTraineeIds"] = (BodyOwnerKind.RoutesOwn, "trainees of the route's course"),
        ["POST /api/courses/{courseId}/field-trips stops[].provinceCode"] = (BodyOwnerKind.BoardChooses, "the board routes a field trip through any province"),
        ["PUT /api/field-trips/{tripId}/stops/{stopNumber} provinceCode"] = (BodyOwnerKind.BoardChooses, "the board moves a stop to any province"),
        ["PUT /api/field-trips/{tripId} stops[].provinceCode"] = (BodyOwnerKind.BoardChooses, "the board re-plans a field trip's stops through any province"),
        ["POST /api/cycles/{cycleId}/variants removedLecturerId"] = (BodyOwnerKind.BoardChooses, "a what-if variant: the board imagines any lecturer absent"),
        ["POST /api/cycles/{cycleId}/variants unavailableProvince"] = (BodyOwnerKind.BoardChooses, "a what-if variant: the board imagines any province unavailable"),
    };
}
