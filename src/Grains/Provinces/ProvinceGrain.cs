using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Grains.Provinces;

public sealed partial class ProvinceGrain(
    [PersistentState("province", GrainStorage.Name)] IPersistentState<ProvinceState> state,
    TimeProvider time,
    ILogger<ProvinceGrain> logger,
    Microsoft.Extensions.Options.IOptions<DeadlineOptions> deadlines) : AuditedGrain, IProvinceGrain, IRemindable
{
    private const string HostingReminderPrefix = "hosting:";

    private FollowUpOutbox? _outbox;

    private string Code => this.GetPrimaryKeyString();

    private FollowUpOutbox Outbox => _outbox ??= new FollowUpOutbox(
        this, GrainFactory, () => state.State.Outbox, id => state.UpdateAsync(s => s with { Outbox = s.Outbox.RemoveAll(f => f.Id == id) }), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Follow-ups left unacknowledged by an earlier activation (or node) go out again now.
        Outbox.SendNew();
        return Task.CompletedTask;
    }

    public Task<ProvinceView> GetAsync() => Task.FromResult(View());

    public async Task<ProvinceView> ConfigureAsync(ProvinceSettings settings)
    {
        Require.Present(settings, "settings");
        Info();
        var clean = ProvinceSettingsRules.Validate(settings);
        await state.UpdateAsync(s => s with
        {
            VenueCapacity = clean.VenueCapacity,
            UnavailableDates = clean.UnavailableDates,
            Rooms = clean.Rooms,
            BriefingTopics = clean.BriefingTopics,
        });
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
        return Task.FromResult(state.Committed().Requests.Select(WithHistory).ToImmutableArray());
    }

    public Task<HostingRequestView> GetHostingRequestAsync(string requestId)
    {
        Info();
        return Task.FromResult(WithHistory(Find(state.Committed(), requestId)));
    }

    /// <summary>Requests stored before logistics could be amended have no history yet: an empty one, never a missing one.</summary>
    private static HostingRequestView WithHistory(HostingRequestView request) =>
        request.LogisticsChanges.IsDefault ? request with { LogisticsChanges = [] } : request;

    public async Task<HostingRequestView> ConfirmHostingAsync(string requestId, HostingConfirmation confirmation)
    {
        Info();
        Require.Present(confirmation, "confirmation");
        var clean = CleanLogistics(confirmation);
        var now = time.GetUtcNow();
        var updated = await Outbox.WriteAsync(state, s =>
        {
            var request = Find(s, requestId);
            EnsureOpen(request);
            var answered = request with { Status = HostingRequestStatus.Confirmed, Confirmation = clean, AnsweredAt = now };
            var next = WithAnswer(s, answered, now);
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
        var now = time.GetUtcNow();
        var updated = await Outbox.WriteAsync(state, s =>
        {
            var request = Find(s, requestId);
            EnsureOpen(request);
            return WithAnswer(s, request with { Status = HostingRequestStatus.Declined, DeclineReason = reason, AnsweredAt = now }, now);
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
            await NotifyStopRequestAsync(request); // a repeat finishes what a failure left undone
            return;
        }

        var now = time.GetUtcNow();
        await this.RegisterDeadlineAsync(HostingReminderPrefix + request.RequestId, request.AnswerBy, time);
        await RegisterDueSoonAsync(request);
        await state.UpdateAsync(s => s with
        {
            Requests = s.Requests.Add(new HostingRequestView(request, Code, HostingRequestStatus.Pending, null, null, false, now, null, [])),
        });
        await NotifyStopRequestAsync(request);
    }

    public async Task WithdrawHostingRequestAsync(string requestId)
    {
        Info();
        var request = state.State.Requests.FirstOrDefault(r => r.Request.RequestId == requestId);
        if (request is null || request.Status != HostingRequestStatus.Pending)
        {
            return;
        }

        var now = time.GetUtcNow();
        await state.UpdateAsync(s => Replace(s, Find(s, requestId) with { Status = HostingRequestStatus.Withdrawn, AnsweredAt = now }));
        await this.UnregisterIfPresentAsync(HostingReminderPrefix + requestId);
    }

    public async Task CancelStopRequestAsync(string requestId)
    {
        Info();
        var request = state.State.Requests.FirstOrDefault(r => r.Request.RequestId == requestId);
        if (request is null || request.Status is not (HostingRequestStatus.Pending or HostingRequestStatus.Confirmed))
        {
            return;
        }

        if (request.Request.Kind != HostingRequestKind.FieldTripStop)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"'{requestId}' is a course's request; the cycle withdraws those.");
        }

        var now = time.GetUtcNow();
        var r = request.Request;
        // An escalation not yet sent about this stop is moot now, and one the cycle holds already is resolved.
        var resolve = request.Escalated && r.CycleId is not null
            ? new FollowUp($"{Code}:{requestId}:cancelled", FollowUpKind.ResolveEscalation, r.CycleId, now,
                Escalation: new EscalationNotice(EscalationKind.HostingRequestUnanswered, r.CourseId, requestId, "withdrawn"))
            : null;
        await Outbox.WriteAsync(state, s =>
        {
            var outbox = s.Outbox.RemoveAll(f => f.Kind == FollowUpKind.RaiseEscalation && f.Escalation?.SubjectKey == requestId);
            return Replace(s, Find(s, requestId) with { Status = HostingRequestStatus.Withdrawn, AnsweredAt = now }) with
            {
                Outbox = resolve is null ? outbox : outbox.Add(resolve),
            };
        });
        await this.UnregisterIfPresentAsync(HostingReminderPrefix + requestId);
    }

    public Task<ImmutableArray<FollowUp>> GetPendingFollowUpsAsync() => Task.FromResult(state.State.Outbox);

    public Task AcknowledgeFollowUpAsync(string followUpId) => Outbox.AcknowledgeAsync(followUpId);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == FollowUpOutbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
            return;
        }

        if (reminderName.StartsWith(DueSoonReminderPrefix, StringComparison.Ordinal))
        {
            await OnDueSoonAsync(reminderName);
            return;
        }

        if (!reminderName.StartsWith(HostingReminderPrefix, StringComparison.Ordinal))
        {
            return;
        }

        await EscalateIfUnansweredAsync(reminderName[HostingReminderPrefix.Length..]);

        // The deadline has done its work (or the request was answered meanwhile): it fires once.
        await this.UnregisterIfPresentAsync(reminderName);
    }

    private async Task EscalateIfUnansweredAsync(string requestId)
    {
        var request = state.State.Requests.FirstOrDefault(r => r.Request.RequestId == requestId);
        if (request is null || request.Status != HostingRequestStatus.Pending || request.Escalated)
        {
            return;
        }

        var r = request.Request;
        if (r.CycleId is null)
        {
            await state.UpdateAsync(s => Replace(s, Find(s, requestId) with { Escalated = true }));
            return;
        }

        var notice = new EscalationNotice(
            EscalationKind.HostingRequestUnanswered,
            r.CourseId,
            requestId,
            $"{Info().NameVi} has not answered the request to host '{r.Title}' ({r.Start:yyyy-MM-dd}–{r.End:yyyy-MM-dd}) by {r.AnswerBy:yyyy-MM-dd}.");
        var followUp = new FollowUp($"{Code}:{requestId}:escalate", FollowUpKind.RaiseEscalation, r.CycleId, time.GetUtcNow(), Escalation: notice);
        await Outbox.WriteAsync(state, s => Replace(s, Find(s, requestId) with { Escalated = true }) with { Outbox = s.Outbox.Add(followUp) });
        LogEscalated(logger, Code, requestId);
    }

    /// <summary>
    /// The answered request and, in the same state, the follow-ups that tell the cycle (or the field trip, and the
    /// cycle to resolve an escalation); an escalation not yet sent is moot once the request is answered.
    /// </summary>
    private ProvinceState WithAnswer(ProvinceState s, HostingRequestView answered, DateTimeOffset now)
    {
        var r = answered.Request;
        var outbox = s.Outbox.RemoveAll(f => f.Kind == FollowUpKind.RaiseEscalation && f.Escalation?.SubjectKey == r.RequestId);
        if (r.Kind == HostingRequestKind.FieldTripStop && r.FieldTripId is not null && r.StopNumber is int stop)
        {
            outbox = outbox.Add(new FollowUp(
                $"{Code}:{r.RequestId}:answer", FollowUpKind.StopAnswered, r.FieldTripId, now,
                Stop: new StopAnswer(stop, Code, answered.Confirmation, answered.DeclineReason)));
            if (r.CycleId is not null)
            {
                outbox = outbox.Add(new FollowUp(
                    $"{Code}:{r.RequestId}:resolve", FollowUpKind.ResolveEscalation, r.CycleId, now,
                    Escalation: new EscalationNotice(EscalationKind.HostingRequestUnanswered, r.CourseId, r.RequestId, "answered")));
            }
        }
        else if (r.CycleId is not null)
        {
            outbox = outbox.Add(new FollowUp($"{Code}:{r.RequestId}:answer", FollowUpKind.HostingAnswered, r.CycleId, now, Hosting: answered));
        }

        return Replace(s, answered) with { Outbox = outbox };
    }

    private async Task AfterAnswerAsync(HostingRequestView view)
    {
        LogAnswered(logger, Code, view.Request.RequestId, view.Status);
        await this.UnregisterIfPresentAsync(HostingReminderPrefix + view.Request.RequestId);
    }

    private static HostingConfirmation CleanLogistics(HostingConfirmation confirmation) => new(
        Require.Text(confirmation.Venue, "venue"),
        Require.Range(confirmation.Rooms, 1, 5000, "rooms"),
        Require.Text(confirmation.Lodging, "lodging"),
        Require.Text(confirmation.Transport, "transport"),
        Require.Text(confirmation.Contact, "contact"));

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
        var s = state.Committed();
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
            s.Requests.Count(r => r.Status == HostingRequestStatus.Pending),
            s.Rooms,
            s.BriefingTopics.IsDefault ? [] : s.BriefingTopics);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Province {Province} answered hosting request {RequestId}: {Status}")]
    private static partial void LogAnswered(ILogger logger, string province, string requestId, HostingRequestStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Province {Province} left hosting request {RequestId} unanswered past its deadline; escalated")]
    private static partial void LogEscalated(ILogger logger, string province, string requestId);
}
