using System.Collections.Immutable;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle;

/// <summary>One reason a plan is penalised: which constraint, what it costs, and the entities (ids) involved.</summary>
public sealed record ConstraintMatch(CycleConstraint Constraint, long Cost, string Description, ImmutableArray<string> Entities);

public sealed record ConstraintScore(CycleConstraint Constraint, bool IsHard, int Matches, long Cost);

/// <summary>A plan's score broken down per constraint; the totals add up to <see cref="Score"/>.</summary>
public sealed record ScoreBreakdown(Score Score, ImmutableArray<ConstraintScore> Constraints, ImmutableArray<ConstraintMatch> Matches)
{
    public long Cost(CycleConstraint constraint) => Constraints.First(c => c.Constraint == constraint).Cost;

    public IEnumerable<ConstraintMatch> HardMatches => Matches.Where(m => m.Constraint.IsHard());
}
