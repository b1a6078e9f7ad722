namespace OrleansTraining.Grains.Common;

/// <summary>The stable names of the rules a <see cref="ConflictException"/> reports, so clients can react to them.</summary>
public static class ConflictRules
{
    public const string AlreadyExists = "already-exists";
    public const string AlreadyAnswered = "already-answered";
    public const string InvalidTransition = "invalid-status-transition";
    public const string NominationQuota = "nomination-quota";
    public const string CourseCapacity = "course-capacity";
    public const string DoubleBooking = "lecturer-double-booked";
    public const string TravelDay = "lecturer-needs-travel-day";
    public const string LecturerUnavailable = "lecturer-unavailable";
    public const string MaxSessions = "lecturer-max-sessions";
    public const string CurriculumImmutable = "curriculum-immutable";
    public const string ConcurrentUpdate = "concurrent-update";
    public const string NotPlanned = "cycle-not-planned";
    public const string StaleVariant = "variant-stale";
    public const string WithdrawalCutOff = "withdrawal-cut-off";
    public const string AcceptedSessionOnDate = "accepted-session-on-date";
    public const string CourseNotStarted = "course-not-started";
    public const string CourseClosed = "course-closed";
    public const string EvaluationAlreadySubmitted = "evaluation-already-submitted";
    public const string NominationDeadline = "nomination-deadline-passed";
    public const string CycleHasOpenCourses = "cycle-has-open-courses";
    public const string PlanningRunActive = "planning-run-active";
}
