using Orleans.Runtime;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Tests;

/// <summary>Audit through real grain calls: the caller and request id travel in Orleans' RequestContext.</summary>
public sealed class AuditGrainTests
{
    private static TeachingOffer Offer(string id, DateOnly date) =>
        new(id, GrainWorld.CycleKey, "c", "s01", "cadre-work", date, SessionSlot.Morning, TeachingMethod.Lecture, "hue", new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));

    private static void AsLecturer(string lecturerId, string requestId)
    {
        RequestContext.Clear();
        RequestContext.Set(AuditContext.Actor, $"gv-{lecturerId}");
        RequestContext.Set(AuditContext.Role, "lecturer");
        RequestContext.Set(AuditContext.ActsFor, lecturerId);
        RequestContext.Set(AuditContext.RequestId, requestId);
    }

    [Fact]
    public async Task An_accepted_offer_is_audited_as_the_lecturers_with_the_request_id_and_a_refused_one_not_at_all()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).CreateAsync(new NewCycle(new(2027, 3, 1), new(2028, 11, 30), "2027", []));
        var id = $"l-{GrainWorld.Suffix()}";
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
        RequestContext.Clear();
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        var day = new DateOnly(2027, 3, 3);
        await lecturer.ReceiveOfferAsync(Offer("o1", day));
        await lecturer.ReceiveOfferAsync(Offer("o2", day));
        var audit = lecturer.AsReference<IAuditedGrain>();
        var before = (await audit.GetAuditAsync(1, 100)).Total;

        AsLecturer(id, "req-accept");
        await lecturer.AcceptAsync("o1");
        AsLecturer(id, "req-refused");
        await Assert.ThrowsAsync<ConflictException>(() => lecturer.AcceptAsync("o2"));
        RequestContext.Clear();

        var page = await audit.GetAuditAsync(1, 100);
        Assert.Equal(before + 1, page.Total);
        var newest = page.Entries[0];
        Assert.Equal(($"gv-{id}", "lecturer", id, "req-accept"), (newest.Actor, newest.Role, newest.ActsFor, newest.RequestId));
        Assert.Equal(($"lecturer/{id}", "Accept"), (newest.Grain, newest.Operation));
        Assert.Contains(new AuditChange("assignments[o1].status", "Offered", "Accepted"), newest.Changes);
        Assert.DoesNotContain(page.Entries, e => e.RequestId == "req-refused");
        var offered = page.Entries.Single(e => e.Operation == "ReceiveOffer" && e.Changes.Any(c => c.Field == "assignments[o1]"));
        Assert.Equal((AuditContext.System, null), (offered.Actor, offered.RequestId));
    }

    [Fact]
    public async Task The_trail_of_a_lecturer_never_created_is_not_found()
    {
        await using var silo = await GrainWorld.StartAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(
            () => silo.GrainFactory.GetGrain<ILecturerGrain>($"nobody-{GrainWorld.Suffix()}").AsReference<IAuditedGrain>().GetAuditAsync(1, 20));

        Assert.Equal("lecturer", error.Entity);
    }
}
