using System.Collections.Immutable;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle;

public sealed record PlanResult(CyclePlan Plan, ScoreBreakdown Breakdown, SearchResult Search, InfeasibilityReport? Infeasibility);

public sealed record RepairResult(CyclePlan Plan, ImmutableArray<PlanMove> Moves, ScoreBreakdown Breakdown, SearchResult? Search);

public sealed record ConstraintDelta(CycleConstraint Constraint, long Difference);

/// <summary>Another choice for the explained assignment and how the plan's score would change with it.</summary>
public sealed record Alternative(string Option, Score Score, Score Difference, ImmutableArray<ConstraintDelta> Changes);

/// <summary>Why an assignment is what it is: its current value and the best alternatives, each with its score difference.</summary>
public sealed record AssignmentExplanation(string Subject, string? Current, Score Score, ImmutableArray<Alternative> Alternatives, string Summary);

public sealed record InfeasibilityCause(CycleConstraint Constraint, string Message, ImmutableArray<string> Entities);

/// <summary>
/// Why no feasible plan exists. Proven causes come from the input alone (no search could fix them);
/// otherwise the causes are the hard violations the search could not remove.
/// </summary>
public sealed record InfeasibilityReport(bool Proven, ImmutableArray<InfeasibilityCause> Causes);

public sealed record ConstraintDiff(CycleConstraint Constraint, long A, long B)
{
    public long Difference => B - A;
}

public sealed record PlanComparison(Score A, Score B, ImmutableArray<ConstraintDiff> Constraints, ImmutableArray<PlanMove> Moves);
