using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Silo;

namespace OrleansTraining.Grains.Provinces;

public sealed partial class ProvinceGrain(
    [PersistentState("province")] IPersistentState<ProvinceState> state,
    ILogger<ProvinceGrain> logger) : Grain, IProvinceGrain, IRemindable
{
    private const string HostingReminderPrefix = "hosting:";

    private string Code => GetPrimaryKeyString();

    public Task<ProvinceView> GetAsync() => Task.FromResult(View());

    public async Task<ProvinceView> ConfigureAsync(ProvinceSettings settings)
    {
        Require.Present(settings, "settings");
        Info();
        Require.Range(settings.VenueCapacity, 0, 5000, "venueCapacity");
        var dates = settings.UnavailableDates.IsDefault ? [] : settings.UnavailableDates.Distinct().Order().ToImmutableArray();
        await state.UpdateAsync(s => s with { VenueCapacity = settings.VenueCapacity, UnavailableDates = dates });
        return View();
    }

    public async Task<ProvinceView> AddHostingHistoryAsync(HostingRecord record)
    {
        Require.Present(record, "record");
        Info();
        Require.Text(record.CycleId, "cycleId", 100);
        Require.Text(record.CourseId, "courseId", 100);
        if (!state.State.HostingHistory.Any(h => h.CourseId == record.CourseId))
        {
            await state.UpdateAsync(s => s with { HostingHistory = s.HostingHistory.Add(record) });
        }

        return View();
    }

    public Task<ImmutableArray<HostingRequestView>> GetHostingRequestsAsync()
    {
        Info();
        return Task.FromResult(state.State.Requests);
    }

    public Task<HostingRequestView> GetHostingRequestAsync(string requestId)
    {
        Info();
        return Task.FromResult(Find(state.State, requestId));
    }

    public async Task<HostingRequestView> ConfirmHostingAsync(string requestId, HostingConfirmation confirmation)
    {
        Info();
        Require.Present(confirmation, "confirmation");
        var clean = new HostingConfirmation(
            Require.Text(confirmation.Venue, "venue"),
            Require.Range(confirmation.Rooms, 1, 5000, "rooms"),
            Require.Text(confirmation.Lodging, "lodging"),
            Require.Text(confirmation.Transport, "transport"),
            Require.Text(confirmation.Contact, "contact"));
        var now = TimeProvider.GetUtcNow();
        var updated = await state.UpdateAsync(s =>
        {
            var request = Find(s, requestId);
            EnsureOpen(request);
            var next = Replace(s, request with { Status = HostingRequestStatus.Confirmed, Confirmation = clean, AnsweredAt = now });
            var r = request.Request;
            return r.Kind == HostingRequestKind.Course && !s.HostingHistory.Any(h => h.CourseId == r.CourseId)
                ? next with { HostingHistory = next.HostingHistory.Add(new HostingRecord(r.CycleId ?? "", r.CourseId, r.Start)) }
                : next;
        });
        var view = Find(updated, requestId);
        await AfterAnswerAsync(view);
        return view;
    }

    public async Task<HostingRequestView> DeclineHostingAsync(string requestId, HostingDecline decline)
    {
        Info();
        Require.Present(decline, "decline");
        var reason = Require.Text(decline.Reason, "reason", 1000);
        var now = TimeProvider.GetUtcNow();
        var updated = await state.UpdateAsync(s =>
        {
            var request = Find(s, requestId);
            EnsureOpen(request);
            return Replace(s, request with { Status = HostingRequestStatus.Declined, DeclineReason = reason, AnsweredAt = now });
        });
        var view = Find(updated, requestId);
        await AfterAnswerAsync(view);
        return view;
    }

    public async Task ReceiveHostingRequestAsync(HostingRequest request)
    {
        Require.Present(request, "request");
        Info();
        if (state.State.Requests.Any(r => r.Request.RequestId == request.RequestId))
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        await state.UpdateAsync(s => s with
        {
            Requests = s.Requests.Add(new HostingRequestView(request, Code, HostingRequestStatus.Pending, null, null, false, now, null)),
        });
        await RegisterOrUpdateReminderAsync(HostingReminderPrefix + request.RequestId, request.AnswerBy);
    }

    public async Task WithdrawHostingRequestAsync(string requestId)
    {
        Info();
        var request = state.State.Requests.FirstOrDefault(r => r.Request.RequestId == requestId);
        if (request is null || request.Status != HostingRequestStatus.Pending)
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        await state.UpdateAsync(s => Replace(s, Find(s, requestId) with { Status = HostingRequestStatus.Withdrawn, AnsweredAt = now }));
        await UnregisterQuietlyAsync(requestId);
    }

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        if (!reminderName.StartsWith(HostingReminderPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var requestId = reminderName[HostingReminderPrefix.Length..];
        var request = state.State.Requests.FirstOrDefault(r => r.Request.RequestId == requestId);
        if (request is null || request.Status != HostingRequestStatus.Pending || request.Escalated)
        {
            return;
        }

        await state.UpdateAsync(s => Replace(s, Find(s, requestId) with { Escalated = true }));
        LogEscalated(logger, Code, requestId);
        var r = request.Request;
        if (r.CycleId is not null)
        {
            await GrainFactory.GetGrain<ICycleGrain>(r.CycleId).RaiseEscalationAsync(
                EscalationKind.HostingRequestUnanswered,
                r.CourseId,
                requestId,
                $"{Info().NameVi} has not answered the request to host '{r.Title}' ({r.Start:yyyy-MM-dd}–{r.End:yyyy-MM-dd}) by {r.AnswerBy:yyyy-MM-dd}.");
        }
    }

    private async Task AfterAnswerAsync(HostingRequestView view)
    {
        LogAnswered(logger, Code, view.Request.RequestId, view.Status);
        await UnregisterQuietlyAsync(view.Request.RequestId);
        var r = view.Request;
        try
        {
            if (r.Kind == HostingRequestKind.FieldTripStop && r.FieldTripId is not null && r.StopNumber is int stop)
            {
                await GrainFactory.GetGrain<IFieldTripGrain>(r.FieldTripId).RecordStopAnswerAsync(stop, Code, view.Confirmation, view.DeclineReason);
                if (r.CycleId is not null)
                {
                    await GrainFactory.GetGrain<ICycleGrain>(r.CycleId).ResolveEscalationAsync(r.RequestId);
                }
            }
            else if (r.CycleId is not null)
            {
                await GrainFactory.GetGrain<ICycleGrain>(r.CycleId).OnHostingAnsweredAsync(r.CourseId, view);
            }
        }
        catch (DomainException exception)
        {
            // The province's answer is recorded and stands; the board sees the course's state in the cycle plan.
            LogFollowUpFailed(logger, exception, Code, r.RequestId);
        }
    }

    private async Task UnregisterQuietlyAsync(string requestId)
    {
        if (await GetReminderAsync(HostingReminderPrefix + requestId) is not null)
        {
            await UnregisterReminderAsync(HostingReminderPrefix + requestId);
        }
    }

    private static HostingRequestView Find(ProvinceState s, string requestId) =>
        s.Requests.FirstOrDefault(r => r.Request.RequestId == requestId) ?? throw new NotFoundException("hosting request", requestId);

    private static void EnsureOpen(HostingRequestView request)
    {
        if (request.Status != HostingRequestStatus.Pending)
        {
            throw new ConflictException(ConflictRules.AlreadyAnswered, $"Hosting request '{request.Request.RequestId}' is already {request.Status}.");
        }
    }

    private static ProvinceState Replace(ProvinceState s, HostingRequestView request) => s with
    {
        Requests = s.Requests.Select(r => r.Request.RequestId == request.Request.RequestId ? request : r).ToImmutableArray(),
    };

    // The 34 units exist by definition (the directory), so "not stored yet" is not "not found"; any other key is.
    private ProvinceInfo Info() => ProvinceDirectory.Get(Code);

    private ProvinceView View()
    {
        var info = Info();
        var s = state.State;
        return new ProvinceView(
            info.Code,
            info.NameVi,
            info.NameEn,
            info.Kind,
            info.Region,
            info.Centre,
            info.Latitude,
            info.Longitude,
            info.AbsorbedVi,
            s.VenueCapacity,
            s.UnavailableDates,
            s.HostingHistory,
            s.Requests.Count(r => r.Status == HostingRequestStatus.Pending));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Province {Province} answered hosting request {RequestId}: {Status}")]
    private static partial void LogAnswered(ILogger logger, string province, string requestId, HostingRequestStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Province {Province}: the follow-up of the answer to {RequestId} failed")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception, string province, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Province {Province} left hosting request {RequestId} unanswered past its deadline; escalated")]
    private static partial void LogEscalated(ILogger logger, string province, string requestId);
}
