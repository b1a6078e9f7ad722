namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// The board's soft-constraint weights, as the API and the cycle grain exchange them (integers, each 0…1,000,000).
/// The defaults are the planning engine's defaults; a test keeps them equal.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.PlannerWeights")]
public sealed record PlannerWeights
{
    /// <summary>Per trainee per 100 km from the trainee's province to the host.</summary>
    [Id(0)]
    public int TraineeTravel { get; init; } = 1;

    /// <summary>Per lecturer and course per 100 km from the lecturer's home to the venue.</summary>
    [Id(1)]
    public int LecturerTravel { get; init; } = 5;

    /// <summary>Per unit of a lecturer's load squared.</summary>
    [Id(2)]
    public int FairLoad { get; init; } = 2;

    /// <summary>Per course hosted by a province that hosted in the previous cycle.</summary>
    [Id(3)]
    public int HostRotation { get; init; } = 500;

    /// <summary>Per pair of courses starting in the same calendar month.</summary>
    [Id(4)]
    public int CourseSpread { get; init; } = 20;

    /// <summary>Per pair of classroom courses hosted by the same province in the cycle.</summary>
    [Id(5)]
    public int HostSpread { get; init; } = 200;

    /// <summary>Per session taught by a lecturer from another department than the topic's.</summary>
    [Id(6)]
    public int OwnDepartment { get; init; } = 10;

    /// <summary>Per host, start date or lecturer that differs from the plan being repaired.</summary>
    [Id(7)]
    public int Changes { get; init; } = 200;

    /// <summary>Per pair of classroom courses hosted in the same region: hosts go round the six regions.</summary>
    [Id(8)]
    public int RegionalBalance { get; init; } = 150;
}
