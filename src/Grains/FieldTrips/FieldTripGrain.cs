using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.FieldTrips;

public sealed partial class FieldTripGrain(
    [PersistentState("fieldtrip", GrainStorage.Name)] IPersistentState<FieldTripState> state,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DeadlineOptions> deadlines,
    ILogger<FieldTripGrain> logger) : Grain, IFieldTripGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<FieldTripView> CreateAsync(string courseId, string? cycleId, NewFieldTrip trip)
    {
        Require.Text(courseId, "courseId", 100);
        var clean = FieldTripRules.Validate(trip);
        if (state.RecordExists)
        {
            throw new ConflictException(ConflictRules.AlreadyExists, $"Field trip '{Id}' already exists.");
        }

        // A past trip is a record of what happened: its stops were hosted, nobody is asked again.
        var stops = clean.Stops.Select((s, i) => new FieldTripStopView(
            i + 1,
            s.ProvinceCode,
            s.Place,
            s.Start,
            s.End,
            s.BriefingTopics,
            s.Sessions,
            clean.Historical ? StopStatus.Confirmed : StopStatus.Requested,
            clean.Historical ? null : RequestId(i + 1),
            null,
            null)).ToImmutableArray();
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
        if (!clean.Historical)
        {
            var answerBy = time.GetUtcNow() + deadlines.Value.HostingAnswer;
            foreach (var stop in stops)
            {
                await GrainFactory.GetGrain<IProvinceGrain>(stop.ProvinceCode).ReceiveHostingRequestAsync(new HostingRequest(
                    stop.HostingRequestId!,
                    HostingRequestKind.FieldTripStop,
                    cycleId,
                    courseId,
                    Id,
                    stop.Number,
                    $"{clean.ClassName}: field trip {clean.TripNumber} of {clean.TripCount}, stop {stop.Number}",
                    stop.Start,
                    stop.End,
                    clean.ParticipantCount,
                    answerBy));
            }
        }

        return View();
    }

    public Task<FieldTripView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task ReceiveFollowUpAsync(FollowUp followUp, IFollowUpSource replyTo)
    {
        if (state.RecordExists && !state.State.HandledFollowUps.Contains(followUp.Id))
        {
            try
            {
                await RecordStopAnswerAsync(followUp);
            }
            catch (DomainException exception)
            {
                // A stop answer that can never apply (wrong province, answered already) is handled by being refused.
                LogFollowUpRefused(logger, exception, Id, followUp.Id);
                await state.UpdateAsync(s => s with { HandledFollowUps = s.HandledFollowUps.Add(followUp.Id) });
            }
        }

        await replyTo.AcknowledgeFollowUpAsync(followUp.Id);
    }

    private async Task RecordStopAnswerAsync(FollowUp followUp)
    {
        var answer = followUp.Stop ?? throw new DomainValidationException("stop", "A stop answer is required.");
        await state.UpdateAsync(s =>
        {
            var stop = s.Stops.FirstOrDefault(x => x.Number == answer.StopNumber) ?? throw new NotFoundException("field trip stop", $"{Id}/{answer.StopNumber}");
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
                : stop with { Status = StopStatus.Declined, DeclineReason = answer.DeclineReason };
            return s with { Stops = s.Stops.Replace(stop, answered), HandledFollowUps = s.HandledFollowUps.Add(followUp.Id) };
        });
    }

    private string RequestId(int stopNumber) => $"{Id}-stop-{stopNumber}";

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("field trip", Id);
        }
    }

    private FieldTripView View()
    {
        var s = state.State;
        return new FieldTripView(
            Id,
            s.CourseId,
            s.ClassName,
            s.TripNumber,
            s.TripCount,
            $"trip {s.TripNumber} of {s.TripCount}",
            s.Stops.IsEmpty ? default : s.Stops[0].Start,
            s.Stops.IsEmpty ? default : s.Stops[^1].End,
            s.Stops,
            s.ParticipantCount,
            s.ParticipantProvinceCount,
            s.CoOrganisers,
            s.Historical);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Field trip {FieldTripId} refused follow-up {FollowUpId}")]
    private static partial void LogFollowUpRefused(ILogger logger, Exception exception, string fieldTripId, string followUpId);
}
