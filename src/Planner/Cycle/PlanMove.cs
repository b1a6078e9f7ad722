namespace OrleansTraining.Planner.Cycle;

public enum PlanMoveKind
{
    Host,
    Start,
    Lecturer,
}

/// <summary>One value that differs between two plans: a course's host or start, or a session's lecturer.</summary>
public sealed record PlanMove(PlanMoveKind Kind, string EntityId, string? From, string? To);
