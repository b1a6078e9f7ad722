using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Tests;

public sealed class LecturerGrainTests
{
    private static TeachingOffer Offer(string id, DateOnly date, SessionSlot slot, string province) =>
        new(id, GrainWorld.CycleKey, "c", "s01", "cadre-work", date, slot, TeachingMethod.Lecture, province, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));

    private static async Task<ILecturerGrain> LecturerWithCycleAsync(GrainCluster silo, int maxSessions = 10)
    {
        // Answers are reported to the cycle, so the cycle must exist.
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).CreateAsync(new NewCycle(new(2027, 3, 1), new(2028, 11, 30), "2027", []));
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>($"l-{GrainWorld.Suffix()}");
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work") with { MaxSessionsPerCycle = maxSessions });
        return lecturer;
    }

    [Fact]
    public async Task Accepting_a_second_session_in_the_same_half_day_is_refused_and_changes_nothing()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerWithCycleAsync(silo);
        var day = new DateOnly(2027, 3, 3);
        await lecturer.ReceiveOfferAsync(Offer("o1", day, SessionSlot.Morning, "hue"));
        await lecturer.ReceiveOfferAsync(Offer("o2", day, SessionSlot.Morning, "hue"));
        await lecturer.AcceptAsync("o1");

        var error = await Assert.ThrowsAsync<ConflictException>(() => lecturer.AcceptAsync("o2"));

        Assert.Equal(ConflictRules.DoubleBooking, error.Rule);
        var o2 = (await lecturer.GetAssignmentsAsync()).Single(a => a.Offer.AssignmentId == "o2");
        Assert.Equal(AssignmentStatus.Offered, o2.Status);
    }

    [Fact]
    public async Task Teaching_in_another_province_the_next_day_is_refused_for_lack_of_a_travel_day()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerWithCycleAsync(silo);
        var day = new DateOnly(2027, 3, 3);
        await lecturer.ReceiveOfferAsync(Offer("o1", day, SessionSlot.Afternoon, "hue"));
        await lecturer.ReceiveOfferAsync(Offer("o2", day.AddDays(1), SessionSlot.Morning, "can-tho"));
        await lecturer.ReceiveOfferAsync(Offer("o3", day.AddDays(1), SessionSlot.Morning, "hue"));
        await lecturer.ReceiveOfferAsync(Offer("o4", day.AddDays(3), SessionSlot.Morning, "can-tho"));
        await lecturer.AcceptAsync("o1");

        var error = await Assert.ThrowsAsync<ConflictException>(() => lecturer.AcceptAsync("o2"));
        Assert.Equal(ConflictRules.TravelDay, error.Rule);

        // Same province next day, and another province after a free day, are fine.
        Assert.Equal(AssignmentStatus.Accepted, (await lecturer.AcceptAsync("o3")).Status);
        Assert.Equal(AssignmentStatus.Accepted, (await lecturer.AcceptAsync("o4")).Status);
        Assert.Equal(3, (await lecturer.GetAsync()).AcceptedSessionsByCycle[GrainWorld.CycleKey]);
    }

    [Fact]
    public async Task Unavailable_dates_and_the_maximum_load_are_hard_rules()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerWithCycleAsync(silo, maxSessions: 1);
        var day = new DateOnly(2027, 3, 3);
        await lecturer.SetUnavailabilityAsync([day]);
        await lecturer.ReceiveOfferAsync(Offer("o1", day, SessionSlot.Morning, "hue"));
        await lecturer.ReceiveOfferAsync(Offer("o2", day.AddDays(7), SessionSlot.Morning, "hue"));
        await lecturer.ReceiveOfferAsync(Offer("o3", day.AddDays(14), SessionSlot.Morning, "hue"));

        Assert.Equal(ConflictRules.LecturerUnavailable, (await Assert.ThrowsAsync<ConflictException>(() => lecturer.AcceptAsync("o1"))).Rule);
        await lecturer.AcceptAsync("o2");
        Assert.Equal(ConflictRules.MaxSessions, (await Assert.ThrowsAsync<ConflictException>(() => lecturer.AcceptAsync("o3"))).Rule);

        // Declaring unavailable a day with an accepted session is refused too.
        Assert.Equal(ConflictRules.LecturerUnavailable, (await Assert.ThrowsAsync<ConflictException>(() => lecturer.SetUnavailabilityAsync([day.AddDays(7)]))).Rule);
        Assert.Equal([day], (await lecturer.GetAsync()).UnavailableDates.ToArray());
    }

    [Fact]
    public async Task Answering_twice_or_an_unknown_assignment_is_refused()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerWithCycleAsync(silo);
        await lecturer.ReceiveOfferAsync(Offer("o1", new DateOnly(2027, 3, 3), SessionSlot.Morning, "hue"));
        await lecturer.DeclineAsync("o1", "Đi công tác nước ngoài");

        Assert.Equal(ConflictRules.AlreadyAnswered, (await Assert.ThrowsAsync<ConflictException>(() => lecturer.AcceptAsync("o1"))).Rule);
        await Assert.ThrowsAsync<NotFoundException>(() => lecturer.AcceptAsync("nope"));
        Assert.Equal("reason", (await Assert.ThrowsAsync<DomainValidationException>(() => lecturer.DeclineAsync("o1", " "))).Field);
    }

    [Fact]
    public async Task A_lecturer_never_created_is_not_found_and_bad_input_names_the_field()
    {
        await using var silo = await GrainWorld.StartAsync();
        var ghost = silo.GrainFactory.GetGrain<ILecturerGrain>($"ghost-{GrainWorld.Suffix()}");

        await Assert.ThrowsAsync<NotFoundException>(() => ghost.GetAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => ghost.AcceptAsync("x"));
        var error = await Assert.ThrowsAsync<DomainValidationException>(() => ghost.CreateAsync(GrainWorld.Lecturer("A", "cadre-work") with { HomeProvince = "atlantis" }));
        Assert.Equal("homeProvince", error.Field);
        await Assert.ThrowsAsync<NotFoundException>(() => ghost.GetAsync());
    }
}
