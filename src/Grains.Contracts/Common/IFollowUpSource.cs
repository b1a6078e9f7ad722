namespace OrleansTraining.Grains.Common;

/// <summary>A grain that sends follow-ups: the receiver acknowledges each one here once it has handled it.</summary>
[Alias("ot.IFollowUpSource")]
public interface IFollowUpSource : IGrainWithStringKey
{
    /// <summary>
    /// Removes the follow-up from the sender's outbox; acknowledging an unknown id does nothing. One-way: the receiver
    /// (a cycle handling every lecturer's answers) must not wait in a busy sender's queue; a lost acknowledgement only
    /// means the sender sends again and the receiver, having handled the id, acknowledges again.
    /// </summary>
    [OneWay]
    Task AcknowledgeFollowUpAsync(string followUpId);

    /// <summary>The follow-ups not yet acknowledged: empty once every receiver has handled what this grain decided.</summary>
    [ReadOnly]
    Task<System.Collections.Immutable.ImmutableArray<FollowUp>> GetPendingFollowUpsAsync();
}

/// <summary>A grain that receives follow-ups (one-way, so the sender never waits on its receiver).</summary>
[Alias("ot.IFollowUpTarget")]
public interface IFollowUpTarget : IGrainWithStringKey
{
    /// <summary>Handles the follow-up once (a repeated id is only acknowledged again), then acknowledges it to <paramref name="replyTo"/>.</summary>
    [OneWay]
    Task ReceiveFollowUpAsync(FollowUp followUp, IFollowUpSource replyTo);
}
