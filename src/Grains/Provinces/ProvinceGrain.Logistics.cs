using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Provinces;

/// <summary>
/// A confirmed host amends its logistics before the course starts. The change is kept with the previous values (the
/// board reads them on the hosting request) and told to the cycle in the same write, which passes it to the course.
/// </summary>
public sealed partial class ProvinceGrain
{
    public async Task<HostingRequestView> AmendLogisticsAsync(string requestId, HostingConfirmation logistics, string? reason)
    {
        Info();
        Require.Present(logistics, "logistics");
        var clean = CleanLogistics(logistics);
        var why = string.IsNullOrWhiteSpace(reason) ? null : Require.Text(reason, "reason", 1000);
        var now = time.GetUtcNow();
        var today = Deadlines.Today(time);
        var current = Find(state.State, requestId);
        if (current.Status == HostingRequestStatus.Confirmed && current.Confirmation == clean)
        {
            return current; // nothing changes: no history entry, nothing to tell
        }

        var updated = await Outbox.WriteAsync(state, s =>
        {
            var request = Find(s, requestId);
            EnsureAmendable(request, today);
            var changes = request.LogisticsChanges.IsDefault ? [] : request.LogisticsChanges;
            var amended = request with
            {
                Confirmation = clean,
                LogisticsChanges = changes.Add(new LogisticsChange(now, request.Confirmation!, clean, why)),
            };
            return Replace(s, amended) with { Outbox = WithAmendment(s.Outbox, amended, now) };
        });
        var view = Find(updated, requestId);
        LogAmended(logger, Code, requestId, view.LogisticsChanges.Length);
        return view;
    }

    private static void EnsureAmendable(HostingRequestView request, DateOnly today)
    {
        if (request.Status != HostingRequestStatus.Confirmed || request.Confirmation is null)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"Only confirmed logistics are amended; request '{request.Request.RequestId}' is {request.Status}.");
        }

        if (request.Request.Kind != HostingRequestKind.Course)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, "A field-trip stop's logistics are agreed with the board directly.");
        }

        if (today >= request.Request.Start)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"The course started on {request.Request.Start:yyyy-MM-dd}; its logistics can no longer be amended.");
        }
    }

    /// <summary>
    /// The cycle learns the new values. A confirmation it has not yet acknowledged carries them too: follow-ups are not
    /// ordered, and an amendment that overtakes its confirmation is ignored by the cycle (the course is not confirmed yet).
    /// An earlier amendment still unsent is superseded by this one.
    /// </summary>
    private ImmutableArray<FollowUp> WithAmendment(ImmutableArray<FollowUp> outbox, HostingRequestView amended, DateTimeOffset now)
    {
        var r = amended.Request;
        if (r.CycleId is null)
        {
            return outbox;
        }

        var answerId = $"{Code}:{r.RequestId}:answer";
        var prefix = $"{Code}:{r.RequestId}:logistics:";
        return outbox
            .Select(f => f.Id == answerId ? f with { Hosting = amended } : f)
            .Where(f => !f.Id.StartsWith(prefix, StringComparison.Ordinal))
            .Append(new FollowUp($"{prefix}{amended.LogisticsChanges.Length}", FollowUpKind.LogisticsAmended, r.CycleId, now, Hosting: amended))
            .ToImmutableArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Province {Province} amended the logistics of hosting request {RequestId} (change {Change})")]
    private static partial void LogAmended(ILogger logger, string province, string requestId, int change);
}
