using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.FieldTrips;

public sealed partial class FieldTripGrain(
    [PersistentState("fieldtrip", GrainStorage.Name)] IPersistentState<FieldTripState> state,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DeadlineOptions> deadlines,
    ILogger<FieldTripGrain> logger) : AuditedGrain, IFieldTripGrain, IRemindable
{
    private FollowUpOutbox? _outbox;

    private string Id => this.GetPrimaryKeyString();

    private FollowUpOutbox Outbox => _outbox ??= new FollowUpOutbox(
        this, GrainFactory, () => state.State.Outbox, id => state.UpdateAsync(s => s with { Outbox = s.Outbox.RemoveAll(f => f.Id == id) }), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Refusals left unacknowledged by an earlier activation (or node) go out again now.
        Outbox.SendNew();
        return Task.CompletedTask;
    }

    public async Task<FieldTripView> CreateAsync(string courseId, string? cycleId, NewFieldTrip trip)
    {
        Require.Text(courseId, "courseId", 100);
        var clean = FieldTripRules.Validate(trip);
        if (state.RecordExists)
        {
            throw new ConflictException(ConflictRules.AlreadyExists, $"Field trip '{Id}' already exists.");
        }

        if (!clean.Historical)
        {
            await CheckPeriodAsync(courseId, cycleId, clean.Stops);
        }

        // A past trip is a record of what happened: its stops were hosted, nobody is asked again.
        var stops = clean.Stops.Select((s, i) => NewStop(i + 1, s, clean.Historical ? StopStatus.Confirmed : StopStatus.Requested, clean.Historical ? null : RequestId(i + 1, 0)))
            .ToImmutableArray();
        await state.UpdateAsync(s => s with
        {
            CourseId = courseId,
            ClassName = clean.ClassName,
            TripNumber = clean.TripNumber,
            TripCount = clean.TripCount,
            Stops = stops,
            ParticipantCount = clean.ParticipantCount,
            ParticipantProvinceCount = clean.ParticipantProvinceCount,
            CoOrganisers = clean.CoOrganisers,
            Historical = clean.Historical,
            CycleId = cycleId,
        });
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddFieldTripAsync(Id);
        await TellProvincesAsync();
        return View();
    }

    public Task CheckPeriodAsync(string courseId, string? cycleId, NewFieldTrip trip)
    {
        Require.Present(trip, "trip");
        return trip.Historical || trip.Stops.IsDefaultOrEmpty ? Task.CompletedTask : CheckPeriodAsync(courseId, cycleId, trip.Stops);
    }

    public Task<FieldTripView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public Task<StopOrderSuggestion> GetSuggestedOrderAsync()
    {
        EnsureExists();
        var stops = state.State.Stops;
        var provinces = stops.Select(s => s.ProvinceCode).ToList();
        var (order, exact) = FieldTripTravel.BestOrder(provinces);
        var best = order.Select(i => provinces[i]).ToImmutableArray();
        var (days, km) = FieldTripTravel.Cost(best);
        var (currentDays, currentKm) = FieldTripTravel.Cost(provinces);
        return Task.FromResult(new StopOrderSuggestion([.. order.Select(i => stops[i].Number)], best, days, km, currentDays, currentKm, exact));
    }

    public async Task<ImmutableArray<StopReplacement>> GetReplacementsAsync(int stopNumber)
    {
        EnsureExists();
        var stop = Stop(stopNumber);
        if (stop.Status != StopStatus.Declined)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"Stop {stopNumber} is {stop.Status}; replacements are for a declined stop.");
        }

        var provinces = await Task.WhenAll(ProvinceDirectory.Codes.Select(c => GrainFactory.GetGrain<IProvinceGrain>(c).GetAsync()));
        return StopReplacements.Suggest(state.State.Stops, stopNumber, provinces);
    }

    public async Task<FieldTripView> ReplaceStopAsync(int stopNumber, string provinceCode)
    {
        EnsureExists();
        EnsureChangeable();
        var stop = Stop(stopNumber);
        var province = ProvinceDirectory.Resolve(provinceCode)
            ?? throw new UnprocessableException("provinceCode", $"'{provinceCode}' is not a province.");
        if (stop.Status == StopStatus.Requested && stop.ProvinceCode == province.Code)
        {
            await TellProvincesAsync(); // asked already (a retry): make sure the request arrived
            return View();
        }

        if (stop.Status != StopStatus.Declined)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"Stop {stopNumber} is {stop.Status}; only a declined stop is moved to another province.");
        }

        var why = StopReplacements.Why(state.State.Stops, stopNumber, await GrainFactory.GetGrain<IProvinceGrain>(province.Code).GetAsync());
        if (why is not null)
        {
            throw new UnprocessableException("provinceCode", why);
        }

        await state.UpdateAsync(s =>
        {
            var current = s.Stops.Single(x => x.Number == stopNumber);
            var revision = s.Revision + 1;
            var moved = current with
            {
                ProvinceCode = province.Code,
                Place = null,
                Status = StopStatus.Requested,
                HostingRequestId = RequestId(stopNumber, revision),
                Confirmation = null,
                DeclineReason = null,
            };
            return s with { Stops = s.Stops.Replace(current, moved), Revision = revision };
        });
        LogStopMoved(logger, Id, stopNumber, stop.ProvinceCode, province.Code);
        await TellProvincesAsync();
        return View();
    }

    public async Task<FieldTripView> ChangeAsync(NewFieldTrip trip)
    {
        EnsureExists();
        EnsureChangeable();
        var clean = FieldTripRules.Validate(trip);
        if (clean.Historical)
        {
            throw new UnprocessableException("historical", "A planned trip does not become a record of the past.");
        }

        if (clean.TripNumber != state.State.TripNumber)
        {
            throw new UnprocessableException("tripNumber", $"This is trip {state.State.TripNumber}; its number names it and does not change.");
        }

        await CheckPeriodAsync(state.State.CourseId, state.State.CycleId, clean.Stops);
        await state.UpdateAsync(s =>
        {
            var revision = s.Revision + 1;
            var kept = new HashSet<int>();
            var stops = clean.Stops.Select((draft, i) =>
            {
                // Unchanged for its province (same place and days, same briefing): it keeps its request and answer.
                var same = s.Stops.FirstOrDefault(o => !kept.Contains(o.Number) && o.ProvinceCode == draft.ProvinceCode && o.Start == draft.Start
                    && o.End == draft.End && o.Sessions == draft.Sessions && o.BriefingTopics.SequenceEqual(draft.BriefingTopics));
                if (same is not null)
                {
                    kept.Add(same.Number);
                    return same with { Number = i + 1, Place = draft.Place };
                }

                return NewStop(i + 1, draft, StopStatus.Requested, RequestId(i + 1, revision));
            }).ToImmutableArray();
            var dropped = s.Stops.Where(o => !kept.Contains(o.Number)).SelectMany(Cancellable);
            return s with
            {
                ClassName = clean.ClassName,
                TripCount = clean.TripCount,
                Stops = stops,
                ParticipantCount = clean.ParticipantCount,
                ParticipantProvinceCount = clean.ParticipantProvinceCount,
                CoOrganisers = clean.CoOrganisers,
                Revision = revision,
                PendingCancellations = s.PendingCancellations.AddRange(dropped),
            };
        });
        LogChanged(logger, Id, state.State.Revision);
        await TellProvincesAsync();
        return View();
    }

    public async Task<FieldTripView> CancelAsync(string? reason)
    {
        EnsureExists();
        if (state.State.Historical)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, "A past trip is a record; it is not cancelled.");
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : Require.Text(reason, "reason", 1000);
        if (!state.State.Cancelled)
        {
            await state.UpdateAsync(s => s with
            {
                Cancelled = true,
                CancelReason = why,
                PendingCancellations = s.PendingCancellations.AddRange(s.Stops.SelectMany(Cancellable)),
            });
            LogCancelled(logger, Id);
        }

        await TellProvincesAsync();
        return View();
    }

    public async Task ReceiveFollowUpAsync(FollowUp followUp, IFollowUpSource replyTo)
    {
        if (!state.RecordExists)
        {
            // No trip to record it in: the board's list of undeliverable decisions holds it (the registry awaits only
            // the board's inbox, a leaf). Should that fail, nothing is acknowledged and the province sends it again.
            await Registry.RecordUndeliverableAsync(UndeliverableDecisions.Of(followUp, $"field trip '{Id}' does not exist", time.GetUtcNow()));
        }
        else if (!state.State.HandledFollowUps.Contains(followUp.Id))
        {
            try
            {
                await RecordStopAnswerAsync(followUp);
            }
            catch (DomainException exception)
            {
                // A stop answer that can never apply (wrong province, answered already, trip cancelled) would fail on
                // every delivery: it is handled by being refused, and the board is told, since a province's answer did
                // not take effect.
                LogFollowUpRefused(logger, exception, Id, followUp.Id);
                await RefuseAsync(followUp, exception.Message);
            }
        }

        await replyTo.AcknowledgeFollowUpAsync(followUp.Id);
    }

    public Task<ImmutableArray<FollowUp>> GetPendingFollowUpsAsync() => Task.FromResult(state.State.Outbox);

    public Task AcknowledgeFollowUpAsync(string followUpId) => Outbox.AcknowledgeAsync(followUpId);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == FollowUpOutbox.ReminderName ? Outbox.OnReminderAsync() : this.UnregisterIfPresentAsync(reminderName);

    private IRegistryGrain Registry => GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key);

    /// <summary>
    /// Records the refusal with where the board will see it: a <see cref="EscalationKind.DecisionRefused"/> escalation in
    /// the trip's cycle, owed as a follow-up in the same write that marks the answer handled (never awaited: the cycle
    /// acknowledges back here); a trip outside any cycle puts it on the board's list of undeliverable decisions.
    /// </summary>
    private async Task RefuseAsync(FollowUp followUp, string why)
    {
        var now = time.GetUtcNow();
        var cycleId = state.State.CycleId;
        if (string.IsNullOrEmpty(cycleId))
        {
            await Registry.RecordUndeliverableAsync(UndeliverableDecisions.Of(followUp, $"field trip '{Id}' refused it: {why}", now)
                with { CourseId = state.State.CourseId });
            await state.UpdateAsync(s => s with { HandledFollowUps = s.HandledFollowUps.Add(followUp.Id) });
            return;
        }

        var answer = followUp.Stop;
        var what = answer is null
            ? $"{followUp.Kind} {followUp.Id}"
            : $"{answer.ProvinceCode} {(answer.Confirmation is null ? "declined" : "confirmed")} stop {answer.StopNumber}";
        var escalation = new FollowUp(
            $"{Id}:{followUp.Id}:refused",
            FollowUpKind.RaiseEscalation,
            cycleId,
            now,
            Escalation: new EscalationNotice(
                EscalationKind.DecisionRefused, state.State.CourseId, followUp.Id, $"Field trip {Id}: {what}, not applied: {why}"));
        await Outbox.WriteAsync(state, s => s with { HandledFollowUps = s.HandledFollowUps.Add(followUp.Id), Outbox = s.Outbox.Add(escalation) });
    }

    private async Task RecordStopAnswerAsync(FollowUp followUp)
    {
        var answer = followUp.Stop ?? throw new DomainValidationException("stop", "A stop answer is required.");
        await state.UpdateAsync(s =>
        {
            if (s.Cancelled)
            {
                throw new ConflictException(ConflictRules.InvalidTransition, "The trip was cancelled.");
            }

            // The answer names its request (province:request:answer): stops renumber when the board changes the trip.
            var stop = s.Stops.FirstOrDefault(x => x.HostingRequestId is not null && followUp.Id == $"{answer.ProvinceCode}:{x.HostingRequestId}:answer")
                ?? s.Stops.FirstOrDefault(x => x.Number == answer.StopNumber && x.HostingRequestId is null)
                ?? throw new NotFoundException("field trip stop", $"{Id}/{answer.StopNumber}");
            if (stop.ProvinceCode != answer.ProvinceCode)
            {
                throw new ForbiddenException($"Stop {answer.StopNumber} is hosted by {stop.ProvinceCode}, not {answer.ProvinceCode}.");
            }

            if (stop.Status != StopStatus.Requested)
            {
                throw new ConflictException(ConflictRules.AlreadyAnswered, $"Stop {answer.StopNumber} is already {stop.Status}.");
            }

            var answered = answer.Confirmation is not null
                ? stop with { Status = StopStatus.Confirmed, Confirmation = answer.Confirmation }
                : stop with { Status = StopStatus.Declined, DeclineReason = answer.DeclineReason, DeclinedBy = (stop.DeclinedBy.IsDefault ? [] : stop.DeclinedBy).Add(answer.ProvinceCode) };
            return s with { Stops = s.Stops.Replace(stop, answered), HandledFollowUps = s.HandledFollowUps.Add(followUp.Id) };
        });
    }

    /// <summary>
    /// Delivers what the recorded decisions owe the provinces: each requested stop's request (idempotent per id) and each
    /// withdrawal. Run after every write, so a retry after a failure here finishes the job.
    /// </summary>
    private async Task TellProvincesAsync()
    {
        var s = state.State;
        if (!s.Cancelled && !s.Historical)
        {
            var answerBy = time.GetUtcNow() + deadlines.Value.HostingAnswer;
            foreach (var stop in s.Stops.Where(x => x.Status == StopStatus.Requested && x.HostingRequestId is not null))
            {
                await GrainFactory.GetGrain<IProvinceGrain>(stop.ProvinceCode).ReceiveHostingRequestAsync(new HostingRequest(
                    stop.HostingRequestId!,
                    HostingRequestKind.FieldTripStop,
                    s.CycleId,
                    s.CourseId,
                    Id,
                    stop.Number,
                    $"{s.ClassName}: field trip {s.TripNumber} of {s.TripCount}, stop {stop.Number}",
                    stop.Start,
                    stop.End,
                    s.ParticipantCount,
                    answerBy));
            }
        }

        var cancellations = s.PendingCancellations;
        if (cancellations.IsEmpty)
        {
            return;
        }

        foreach (var cancel in cancellations)
        {
            await GrainFactory.GetGrain<IProvinceGrain>(cancel.ProvinceCode).CancelStopRequestAsync(cancel.RequestId);
        }

        await state.UpdateAsync(x => x with { PendingCancellations = x.PendingCancellations.RemoveAll(cancellations.Contains) });
    }

    /// <summary>The course's and the cycle's dates; both interleave, as the course may be waiting on this trip.</summary>
    private async Task CheckPeriodAsync(string courseId, string? cycleId, ImmutableArray<FieldTripStopDraft> stops)
    {
        var course = await GrainFactory.GetGrain<ICourseGrain>(courseId).GetPeriodAsync();
        DatePeriod? cycle = null;
        if (!string.IsNullOrEmpty(cycleId))
        {
            cycle = await GrainFactory.GetGrain<ICycleGrain>(cycleId).GetPeriodAsync();
        }

        FieldTripRules.CheckPeriod(stops, course, cycle);
    }

    private static IEnumerable<StopRequestRef> Cancellable(FieldTripStopView stop) =>
        stop.HostingRequestId is not null && stop.Status is StopStatus.Requested or StopStatus.Confirmed
            ? [new StopRequestRef(stop.ProvinceCode, stop.HostingRequestId)]
            : [];

    private static FieldTripStopView NewStop(int number, FieldTripStopDraft draft, StopStatus status, string? requestId) =>
        new(number, draft.ProvinceCode, draft.Place, draft.Start, draft.End, draft.BriefingTopics, draft.Sessions, status, requestId, null, null, []);

    private string RequestId(int stopNumber, int revision) => revision == 0 ? $"{Id}-stop-{stopNumber}" : $"{Id}-stop-{stopNumber}-r{revision}";

    private FieldTripStopView Stop(int stopNumber) =>
        state.State.Stops.FirstOrDefault(s => s.Number == stopNumber) ?? throw new NotFoundException("field trip stop", $"{Id}/{stopNumber}");

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("field trip", Id);
        }
    }

    private void EnsureChangeable()
    {
        if (state.State.Historical || state.State.Cancelled)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, state.State.Historical ? "A past trip is a record; it does not change." : "The trip was cancelled.");
        }
    }

    private FieldTripView View()
    {
        var s = state.Committed(); // as last stored: GetAsync interleaves with changes
        return new FieldTripView(
            Id,
            s.CourseId,
            s.ClassName,
            s.TripNumber,
            s.TripCount,
            $"trip {s.TripNumber} of {s.TripCount}",
            s.Stops.IsEmpty ? default : s.Stops[0].Start,
            s.Stops.IsEmpty ? default : s.Stops[^1].End,
            [.. s.Stops.Select(x => x.DeclinedBy.IsDefault ? x with { DeclinedBy = [] } : x)],
            s.ParticipantCount,
            s.ParticipantProvinceCount,
            s.CoOrganisers,
            s.Historical,
            s.Cancelled,
            s.CancelReason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Field trip {FieldTripId} refused follow-up {FollowUpId}")]
    private static partial void LogFollowUpRefused(ILogger logger, Exception exception, string fieldTripId, string followUpId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field trip {FieldTripId}: stop {Stop} moved from {From} to {To}")]
    private static partial void LogStopMoved(ILogger logger, string fieldTripId, int stop, string from, string to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field trip {FieldTripId} changed by the board (revision {Revision})")]
    private static partial void LogChanged(ILogger logger, string fieldTripId, int revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Field trip {FieldTripId} cancelled by the board")]
    private static partial void LogCancelled(ILogger logger, string fieldTripId);
}
