using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;
using OrleansTraining.Silo;

namespace OrleansTraining.Grains.FieldTrips;

public sealed class FieldTripGrain([PersistentState("fieldtrip")] IPersistentState<FieldTripState> state) : Grain, IFieldTripGrain
{
    private string Id => GetPrimaryKeyString();

    public async Task<FieldTripView> CreateAsync(string courseId, NewFieldTrip trip)
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
        });
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddFieldTripAsync(Id);
        if (!clean.Historical)
        {
            var cycleId = await CycleOfAsync(courseId);
            var answerBy = TimeProvider.GetUtcNow() + Deadlines.HostingAnswer;
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

    public async Task<FieldTripView> RecordStopAnswerAsync(int stopNumber, string provinceCode, HostingConfirmation? confirmation, string? declineReason)
    {
        EnsureExists();
        await state.UpdateAsync(s =>
        {
            var stop = s.Stops.FirstOrDefault(x => x.Number == stopNumber) ?? throw new NotFoundException("field trip stop", $"{Id}/{stopNumber}");
            if (stop.ProvinceCode != provinceCode)
            {
                throw new ForbiddenException($"Stop {stopNumber} is hosted by {stop.ProvinceCode}, not {provinceCode}.");
            }

            if (stop.Status != StopStatus.Requested)
            {
                throw new ConflictException(ConflictRules.AlreadyAnswered, $"Stop {stopNumber} is already {stop.Status}.");
            }

            var answered = confirmation is not null
                ? stop with { Status = StopStatus.Confirmed, Confirmation = confirmation }
                : stop with { Status = StopStatus.Declined, DeclineReason = declineReason };
            return s with { Stops = s.Stops.Replace(stop, answered) };
        });
        return View();
    }

    /// <summary>The cycle a stop's unanswered request escalates to: the course's, when the course belongs to a cycle.</summary>
    private async Task<string?> CycleOfAsync(string courseId)
    {
        try
        {
            var course = await GrainFactory.GetGrain<ICourseGrain>(courseId).GetAsync();
            await GrainFactory.GetGrain<ICycleGrain>(course.CycleId).GetAsync();
            return course.CycleId;
        }
        catch (DomainException)
        {
            // A class outside any cycle (e.g. a degree class): its stops have no board queue to escalate to.
            return null;
        }
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
}
