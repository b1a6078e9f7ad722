using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Provinces;

/// <summary>
/// A provincial-level unit, key = its code ("can-tho"). The 34 units always exist (see <see cref="ProvinceDirectory"/>);
/// any other key throws NotFoundException. Resolve old names with <see cref="ProvinceDirectory.Resolve"/> first.
/// </summary>
[Alias("ot.IProvinceGrain")]
public interface IProvinceGrain : IFollowUpSource
{
    /// <remarks>Never waits behind a change being written: answers from the state as last stored.</remarks>
    [AlwaysInterleave]
    Task<ProvinceView> GetAsync();

    Task<ProvinceView> ConfigureAsync(ProvinceSettings settings);

    /// <summary>Records a past hosting (demo history, roll-over). Idempotent per course id.</summary>
    Task<ProvinceView> AddHostingHistoryAsync(HostingRecord record);

    /// <remarks>Never waits behind a change being written: answers from the state as last stored.</remarks>
    [AlwaysInterleave]
    Task<ImmutableArray<HostingRequestView>> GetHostingRequestsAsync();

    /// <exception cref="Common.NotFoundException">unknown request id.</exception>
    /// <remarks>Never waits behind a change being written: answers from the state as last stored.</remarks>
    [AlwaysInterleave]
    Task<HostingRequestView> GetHostingRequestAsync(string requestId);

    /// <exception cref="Common.ConflictException">rule already-answered when the request was answered or withdrawn.</exception>
    Task<HostingRequestView> ConfirmHostingAsync(string requestId, HostingConfirmation confirmation);

    /// <exception cref="Common.ConflictException">rule already-answered when the request was answered or withdrawn.</exception>
    Task<HostingRequestView> DeclineHostingAsync(string requestId, HostingDecline decline);

    /// <summary>Board side: delivers a request and arms its deadline reminder. Idempotent per request id.</summary>
    Task ReceiveHostingRequestAsync(HostingRequest request);

    /// <summary>Board side: the request is no longer needed (course re-planned). No-op when already answered.</summary>
    Task WithdrawHostingRequestAsync(string requestId);

    /// <summary>
    /// The host amends the logistics it confirmed, before the course starts; the previous values are kept in
    /// <see cref="HostingRequestView.LogisticsChanges"/> and the course learns the new ones through the cycle.
    /// </summary>
    /// <exception cref="Common.ConflictException">rule invalid-status-transition when the request is not a confirmed course request or the course has started.</exception>
    Task<HostingRequestView> AmendLogisticsAsync(string requestId, HostingConfirmation logistics, string? reason);

    /// <summary>
    /// Board side: a field-trip stop is no longer wanted (trip changed or cancelled, stop moved): the request is withdrawn
    /// whether pending or confirmed. No-op when declined, withdrawn or unknown.
    /// </summary>
    Task CancelStopRequestAsync(string requestId);
}
