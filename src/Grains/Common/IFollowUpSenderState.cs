using System.Collections.Immutable;

namespace OrleansTraining.Grains.Common;

/// <summary>A grain state that records follow-ups for its <see cref="FollowUpOutbox"/> to deliver.</summary>
public interface IFollowUpSenderState
{
    ImmutableArray<FollowUp> Outbox { get; }
}
