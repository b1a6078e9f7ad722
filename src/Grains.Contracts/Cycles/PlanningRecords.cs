using System.Collections.Immutable;

namespace OrleansTraining.Grains.Cycles;

/// <summary>A plan's score: hard violations first, then the weighted soft cost. Lower is better.</summary>
[GenerateSerializer, Immutable, Alias("ot.PlanScore")]
public sealed record PlanScore(long Hard, long Soft, bool Feasible);

/// <summary>One constraint's share of the score; <see cref="Matches"/> counts how often it applies.</summary>
[GenerateSerializer, Immutable, Alias("ot.ConstraintScoreView")]
public sealed record ConstraintScoreView(string Constraint, bool Hard, int Matches, long Cost);

/// <summary>One hard-rule violation and the ids it concerns (courses, sessions "courseId/index", lecturers, provinces).</summary>
[GenerateSerializer, Immutable, Alias("ot.ViolationView")]
public sealed record ViolationView(string Constraint, string Description, ImmutableArray<string> Entities);

/// <summary>Why no feasible plan exists: the constraint and the entities that make it so.</summary>
[GenerateSerializer, Immutable, Alias("ot.InfeasibilityView")]
public sealed record InfeasibilityView(string Constraint, string Message, ImmutableArray<string> Entities);

/// <summary>The current plan scored per constraint under the cycle's weights; when infeasible, the proven causes.</summary>
[GenerateSerializer, Immutable, Alias("ot.PlanScoreBreakdown")]
public sealed record PlanScoreBreakdown(
    string CycleId,
    PlanScore Score,
    PlannerWeights Weights,
    ImmutableArray<ConstraintScoreView> Constraints,
    ImmutableArray<ViolationView> Violations,
    ImmutableArray<InfeasibilityView> Infeasibility);

[GenerateSerializer, Immutable, Alias("ot.ConstraintDeltaView")]
public sealed record ConstraintDeltaView(string Constraint, long Difference);

/// <summary>Another choice and how the plan's score would change with it (positive = worse).</summary>
[GenerateSerializer, Immutable, Alias("ot.AlternativeView")]
public sealed record AlternativeView(string Option, PlanScore Score, PlanScore Difference, ImmutableArray<ConstraintDeltaView> Changes);

/// <summary>Why a session has its lecturer or a course its host and start, with the best alternatives.</summary>
[GenerateSerializer, Immutable, Alias("ot.PlanExplanation")]
public sealed record PlanExplanation(
    string Subject,
    string? Current,
    PlanScore Score,
    ImmutableArray<AlternativeView> Alternatives,
    string Summary);

/// <summary>
/// A what-if variant: other weights, and/or a lecturer removed, and/or a province unavailable on some dates
/// (every date of the cycle when <see cref="UnavailableDates"/> is empty).
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.VariantSpec")]
public sealed record VariantSpec(
    PlannerWeights? Weights,
    string? RemovedLecturerId,
    string? UnavailableProvince,
    ImmutableArray<DateOnly> UnavailableDates);

/// <summary>A course's host and dates, or a session's lecturer, in a stored plan.</summary>
[GenerateSerializer, Immutable, Alias("ot.VariantCourse")]
public sealed record VariantCourse(string CourseId, string HostProvince, DateOnly Start, DateOnly End);

[GenerateSerializer, Immutable, Alias("ot.VariantSession")]
public sealed record VariantSession(string SessionId, string CourseId, string TopicCode, DateOnly Date, Common.SessionSlot Slot, string Province, string? LecturerId);

/// <summary>A saved variant: its spec, when it was planned, and the plan the engine made for it.</summary>
[GenerateSerializer, Immutable, Alias("ot.PlanVariant")]
public sealed record PlanVariant(
    string Name,
    VariantSpec Spec,
    DateTimeOffset CreatedAt,
    PlanScore Score,
    ImmutableArray<VariantCourse> Courses,
    ImmutableArray<VariantSession> Sessions,
    string? BasedOn = null);

[GenerateSerializer, Immutable, Alias("ot.VariantSummary")]
public sealed record VariantSummary(string Name, VariantSpec Spec, DateTimeOffset CreatedAt, PlanScore Score, bool Stale = false);

[GenerateSerializer, Immutable, Alias("ot.ConstraintDiffView")]
public sealed record ConstraintDiffView(string Constraint, long Current, long Variant, long Difference);

/// <summary>A host, start or lecturer that differs from the current plan to the variant. Sessions are "courseId/sNN".</summary>
[GenerateSerializer, Immutable, Alias("ot.MovedAssignment")]
public sealed record MovedAssignment(string Kind, string EntityId, string? Current, string? Variant);

/// <summary>The variant side by side with the current (published) plan.</summary>
[GenerateSerializer, Immutable, Alias("ot.VariantComparison")]
public sealed record VariantComparison(
    string Name,
    PlanScore Current,
    PlanScore Variant,
    ImmutableArray<ConstraintDiffView> Constraints,
    ImmutableArray<MovedAssignment> Moves);
