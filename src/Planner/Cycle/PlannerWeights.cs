namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// Soft-constraint weights, integers so scores are exact. The board changes these as data, not code.
/// Distances are per 100 km of estimated road distance.
/// </summary>
public sealed record PlannerWeights
{
    /// <summary>Per trainee per 100 km from the trainee's province to the host (one way).</summary>
    public int TraineeTravel { get; init; } = 1;

    /// <summary>Per lecturer and course per 100 km from the lecturer's home to the venue.</summary>
    public int LecturerTravel { get; init; } = 5;

    /// <summary>Per unit of a lecturer's load squared: the sum of squares is least when load is even.</summary>
    public int FairLoad { get; init; } = 2;

    /// <summary>Per course hosted by a province that hosted in the previous cycle.</summary>
    public int HostRotation { get; init; } = 500;

    /// <summary>Per pair of courses starting in the same calendar month.</summary>
    public int CourseSpread { get; init; } = 20;

    /// <summary>
    /// Per pair of classroom courses hosted by the same province in the cycle. Without it trainee travel alone would
    /// send every course to the geographic centre; the programme is meant to go round the provinces.
    /// </summary>
    public int HostSpread { get; init; } = 200;

    /// <summary>
    /// Per pair of classroom courses hosted in the same region. Host spread alone still lets every course go to a
    /// different province of the north, near most trainees; the programme is national, so hosts go round the regions.
    /// </summary>
    public int RegionalBalance { get; init; } = 150;

    /// <summary>Per session taught by a lecturer from another department than the topic's.</summary>
    public int OwnDepartment { get; init; } = 10;

    /// <summary>Per host, start date or lecturer that differs from the plan being repaired.</summary>
    public int Changes { get; init; } = 200;

    public static readonly PlannerWeights Default = new();
}
