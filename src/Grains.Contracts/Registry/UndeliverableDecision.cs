using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Registry;

/// <summary>
/// A decision that reached no grain able to hold it (a follow-up to a cycle or field trip that does not exist, or a
/// refused stop answer of a trip outside any cycle): the board's list of them stands in for the missing cycle's
/// escalations. <see cref="FollowUpId"/> identifies it; <see cref="TargetKey"/> is where it was addressed. Once the board
/// has dealt with it, it is dismissed (<see cref="DismissedAt"/>, by <see cref="DismissedBy"/>) and leaves the board's
/// list, but is kept, so a repeated delivery is still recognised and does not come back.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.UndeliverableDecision")]
public sealed record UndeliverableDecision(
    string FollowUpId, FollowUpKind Kind, string TargetKey, string CourseId, string Detail, DateTimeOffset RecordedAt,
    DateTimeOffset? DismissedAt = null, string? DismissedBy = null);
