namespace OrleansTraining.Planner.Cycle;

/// <summary>Every constraint the cycle planner scores. Hard ones count violations; soft ones are weighted costs.</summary>
public enum CycleConstraint
{
    // Hard
    LecturerQualified,
    LecturerDeclined,
    LecturerDoubleBooked,
    LecturerUnavailable,
    LecturerMaxLoad,
    SessionUnstaffed,
    HostNotCandidate,
    HostCapacity,
    HostUnavailable,
    HostDoubleBooked,
    DateOutsideCycle,

    // Soft
    TraineeTravel,
    LecturerTravel,
    FairLoad,
    HostRotation,
    CourseSpread,
    HostSpread,
    RegionalBalance,
    OwnDepartment,
    Changes,
}

public static class CycleConstraints
{
    public const int Count = (int)CycleConstraint.Changes + 1;

    public static bool IsHard(this CycleConstraint constraint) => constraint <= CycleConstraint.DateOutsideCycle;

    public static IEnumerable<CycleConstraint> All => Enum.GetValues<CycleConstraint>();
}
