
namespace OrleansTraining.Grains.Registry;

/// <summary>The list of every cycle, course, lecturer and field trip id, for listing endpoints. Use key <see cref="Key"/>.</summary>
[Alias("ot.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [ReadOnly]
    Task<RegistryView> GetAsync();

    Task AddCycleAsync(string cycleId);

    Task AddCourseAsync(string courseId);

    Task AddLecturerAsync(string lecturerId);

    Task AddFieldTripAsync(string fieldTripId);

    /// <summary>
    /// Records a decision no grain could hold (idempotent by follow-up id; the newest
    /// <c>RegistryGrain.UndeliverableKept</c> are kept) and tells the board's inbox.
    /// </summary>
    Task RecordUndeliverableAsync(UndeliverableDecision decision);

    /// <summary>The decisions no grain could hold, newest first; those the board dismissed only when asked for.</summary>
    [ReadOnly]
    Task<System.Collections.Immutable.ImmutableArray<UndeliverableDecision>> GetUndeliverableAsync(bool includeDismissed = false);

    /// <summary>
    /// The board has dealt with the decision: it leaves the list, recording who (the caller in the request context) and
    /// when. Dismissing it again changes nothing. NotFoundException for an id not on the list.
    /// </summary>
    Task<UndeliverableDecision> DismissUndeliverableAsync(string followUpId);
}
