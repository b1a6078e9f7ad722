using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A refused answer (a repeat, as under load when two people click) touches no reminder: the follow-up outbox's reminder
/// is registered only for a change that will be written with something to send. Once registered it stays while the
/// grain is busy, and goes when one of its ticks finds nothing pending.
/// </summary>
public sealed class RefusedAnswerReminderTests
{
    private static async Task<bool> OutboxArmedAsync(GrainCluster silo, IAddressable grain)
    {
        var table = ((InProcessSiloHandle)silo.Cluster.Primary!).SiloHost!.Services.GetRequiredService<IReminderTable>();
        return (await table.ReadRows(grain.GetGrainId())).Reminders.Any(r => r.ReminderName == FollowUpOutbox.ReminderName);
    }

    /// <summary>The outbox reminder's tick, as Orleans delivers it (a minute after registering, in real time).</summary>
    private static Task TickAsync(IAddressable grain) => grain.AsReference<IRemindable>().ReceiveReminder(FollowUpOutbox.ReminderName, default);

    /// <summary>Delivered and acknowledged, then the reminder's tick finds nothing pending and removes it.</summary>
    private static async Task SettledAsync(GrainCluster silo, IFollowUpSource grain)
    {
        await Until.DeliveredAsync(grain);
        Assert.True(await OutboxArmedAsync(silo, grain), "the reminder stays while the grain is busy");
        await TickAsync(grain);
        Assert.False(await OutboxArmedAsync(silo, grain), "a tick that finds nothing pending removes the reminder");
    }

    /// <summary>A lecturer of the published small world who accepted their first offer, its answer delivered and the reminder gone.</summary>
    private static async Task<(ILecturerGrain Lecturer, TeachingOffer Offer)> AcceptedAndSettledAsync(GrainCluster silo)
    {
        var (a, _, _) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        var offer = (await lecturer.GetAssignmentsAsync()).First().Offer;
        await lecturer.AcceptAsync(offer.AssignmentId);
        await SettledAsync(silo, lecturer);
        return (lecturer, offer);
    }

    [Fact]
    public async Task A_lecturer_accepting_an_offer_already_accepted_is_refused_without_arming_the_outbox()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (lecturer, offer) = await AcceptedAndSettledAsync(silo);

        await Assert.ThrowsAsync<ConflictException>(() => lecturer.AcceptAsync(offer.AssignmentId));

        Assert.False(await OutboxArmedAsync(silo, lecturer));
    }

    [Fact]
    public async Task A_province_confirming_a_request_already_confirmed_is_refused_without_arming_the_outbox()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, _, cycle) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var planned = (await cycle.GetPlanAsync()).Courses.Single();
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(planned.HostProvince!);
        await province.ConfirmHostingAsync(planned.HostingRequestId!, GrainWorld.Logistics());
        await SettledAsync(silo, province);

        await Assert.ThrowsAsync<ConflictException>(() => province.ConfirmHostingAsync(planned.HostingRequestId!, GrainWorld.Logistics()));
        await Assert.ThrowsAsync<ConflictException>(() => province.DeclineHostingAsync(planned.HostingRequestId!, new HostingDecline("no rooms")));

        Assert.False(await OutboxArmedAsync(silo, province));
    }

    [Fact]
    public async Task A_province_amending_logistics_it_never_confirmed_is_refused_without_arming_the_outbox()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, _, cycle) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var planned = (await cycle.GetPlanAsync()).Courses.Single();
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(planned.HostProvince!);

        await Assert.ThrowsAsync<ConflictException>(() => province.AmendLogisticsAsync(planned.HostingRequestId!, GrainWorld.Logistics(), "more rooms"));

        Assert.False(await OutboxArmedAsync(silo, province));
        Assert.Equal(HostingRequestStatus.Pending, (await province.GetHostingRequestAsync(planned.HostingRequestId!)).Status);
    }

    [Fact]
    public async Task A_lecturer_refused_a_date_with_an_accepted_session_or_adding_one_that_declines_nothing_arms_no_outbox()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (lecturer, offer) = await AcceptedAndSettledAsync(silo);

        await Assert.ThrowsAsync<ConflictException>(() => lecturer.AddUnavailableDateAsync(offer.Date, "ill"));
        Assert.False(await OutboxArmedAsync(silo, lecturer));

        // A free date is written, but tells the cycle nothing: no follow-up, so no reminder either.
        var free = offer.Date.AddYears(5);
        var view = await lecturer.AddUnavailableDateAsync(free, "leave");
        Assert.Contains(free, view.UnavailableDates);
        Assert.False(await OutboxArmedAsync(silo, lecturer));
    }

    [Fact]
    public async Task The_reminder_registered_for_a_lecturers_answer_stays_while_they_are_busy_and_goes_at_a_tick_with_nothing_pending()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, _, _) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        var offer = (await lecturer.GetAssignmentsAsync()).First().Offer;
        Assert.False(await OutboxArmedAsync(silo, lecturer));

        await lecturer.AcceptAsync(offer.AssignmentId);
        Assert.True(await OutboxArmedAsync(silo, lecturer), "registered before the answer was written");
        await Until.DeliveredAsync(lecturer);
        await lecturer.WithdrawAsync(offer.AssignmentId, "ốm");
        await Until.DeliveredAsync(lecturer);
        Assert.True(await OutboxArmedAsync(silo, lecturer));

        await TickAsync(lecturer);
        Assert.False(await OutboxArmedAsync(silo, lecturer));
        var withdrawn = (await lecturer.GetAssignmentsAsync()).Single(x => x.Offer.AssignmentId == offer.AssignmentId);
        Assert.Equal(AssignmentStatus.Withdrawn, withdrawn.Status);
    }
}
