using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Notifications;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A decision the receiver must refuse for good, or one addressed to a cycle or trip that does not exist, is never only
/// logged: it reaches the board, as an escalation of the trip's cycle or on its list of undeliverable decisions, once.
/// </summary>
public sealed class RefusedDecisionTests
{
    private static NewFieldTrip Trip(bool historical, params FieldTripStopDraft[] stops) =>
        new("Lớp Đại học Chính trị chuyên ngành tổ chức khóa 9", 1, 1, [.. stops], 60, 30, [], Historical: historical);

    private static FieldTripStopDraft Stop(string province, DateOnly day) => new(province, null, day, day, ["Công tác cán bộ"], 1);

    private static async Task<NotificationPage> BoardInboxAsync(GrainCluster silo) =>
        await silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Board).ListAsync(0, 100);

    [Fact]
    public async Task A_stop_answer_the_trip_must_refuse_becomes_a_decision_refused_escalation_of_its_cycle_once_and_rings_the_board()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        var course = silo.GrainFactory.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());
        var trip = await course.AddFieldTripAsync(Trip(false, Stop("hue", new DateOnly(2027, 5, 3))));
        var tripGrain = silo.GrainFactory.GetGrain<IFieldTripGrain>(trip.Id);
        var hue = silo.GrainFactory.GetGrain<IProvinceGrain>("hue");
        // Hà Nội answers for Huế's stop: wrong province, refused on every delivery.
        var wrong = new FollowUp(
            $"ha-noi:{trip.Stops[0].HostingRequestId}:answer", FollowUpKind.StopAnswered, trip.Id, silo.Time.GetUtcNow(),
            Stop: new StopAnswer(1, "ha-noi", GrainWorld.Logistics(), null));

        await tripGrain.ReceiveFollowUpAsync(wrong, silo.GrainFactory.GetGrain<IProvinceGrain>("ha-noi"));
        var escalation = Assert.Single(await Until.Async(
            () => cycle.GetEscalationsAsync(includeResolved: true), e => !e.IsEmpty, "the refusal became an escalation"));
        await Until.DeliveredAsync(tripGrain);
        await tripGrain.ReceiveFollowUpAsync(wrong, hue); // delivered again: handled once
        await tripGrain.GetAsync(); // queued behind the repeat on the same activation
        await Until.DeliveredAsync(tripGrain);

        Assert.Equal(EscalationKind.DecisionRefused, escalation.Kind);
        Assert.Equal(wrong.Id, escalation.SubjectKey);
        Assert.Equal(trip.CourseId, escalation.CourseId);
        Assert.Contains(trip.Id, escalation.Detail, StringComparison.Ordinal);
        Assert.Contains("ha-noi confirmed stop 1", escalation.Detail, StringComparison.Ordinal);
        Assert.Single(await cycle.GetEscalationsAsync(includeResolved: true));
        Assert.Equal(StopStatus.Requested, (await tripGrain.GetAsync()).Stops[0].Status);
        var bell = await Until.Async(
            () => BoardInboxAsync(silo), p => p.Items.Any(n => n.Id == $"escalation:{GrainWorld.CycleKey}:{escalation.Id}"), "the board's bell rang");
        Assert.Equal(NotificationKind.Escalation, bell.Items.Single(n => n.Id.EndsWith(escalation.Id, StringComparison.Ordinal)).Kind);
    }

    [Fact]
    public async Task Decisions_for_a_cycle_or_trip_that_does_not_exist_or_refused_by_a_trip_outside_any_cycle_are_on_the_boards_list_once()
    {
        await using var silo = await GrainWorld.StartAsync();
        var registry = silo.GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        var hue = silo.GrainFactory.GetGrain<IProvinceGrain>("hue");
        var suffix = GrainWorld.Suffix();
        var now = silo.Time.GetUtcNow();
        var noCycle = $"gone-{suffix}";
        var toNoCycle = new FollowUp($"hue:req-{suffix}:escalate", FollowUpKind.RaiseEscalation, noCycle, now,
            Escalation: new EscalationNotice(EscalationKind.HostingRequestUnanswered, $"{noCycle}-c01", $"req-{suffix}", "Huế has not answered."));
        var toNoTrip = new FollowUp($"hue:trip-{suffix}:answer", FollowUpKind.StopAnswered, $"no-trip-{suffix}", now,
            Stop: new StopAnswer(1, "hue", null, "Lễ hội"));
        // A past trip outside any cycle: its stops were hosted, so an answer now is refused, with no cycle to escalate to.
        var pastTrip = silo.GrainFactory.GetGrain<IFieldTripGrain>($"past-{suffix}");
        await pastTrip.CreateAsync($"class-{suffix}", null, Trip(true, Stop("hue", new DateOnly(2019, 5, 3))));
        var toPastTrip = new FollowUp($"hue:past-{suffix}:answer", FollowUpKind.StopAnswered, pastTrip.GetPrimaryKeyString(), now,
            Stop: new StopAnswer(1, "hue", null, "Lễ hội"));

        foreach (var followUp in new[] { toNoCycle, toNoTrip, toPastTrip })
        {
            var target = followUp.Kind == FollowUpKind.RaiseEscalation
                ? (IFollowUpTarget)silo.GrainFactory.GetGrain<ICycleGrain>(followUp.TargetKey)
                : silo.GrainFactory.GetGrain<IFieldTripGrain>(followUp.TargetKey);
            await target.ReceiveFollowUpAsync(followUp, hue);
            await target.ReceiveFollowUpAsync(followUp, hue); // delivered again: listed once
        }

        await Until.Async(() => registry.GetUndeliverableAsync(), l => l.Length >= 3, "the three decisions were listed");
        // Calls queued behind the repeats on the same activations: once they answer, the repeats were handled.
        await Assert.ThrowsAsync<NotFoundException>(() => silo.GrainFactory.GetGrain<ICycleGrain>(noCycle).GetAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => silo.GrainFactory.GetGrain<IFieldTripGrain>(toNoTrip.TargetKey).GetAsync());
        await pastTrip.GetAsync();
        var listed = await registry.GetUndeliverableAsync();
        Assert.Equal(3, listed.Length);
        var cycleOne = listed.Single(d => d.FollowUpId == toNoCycle.Id);
        Assert.Equal(noCycle, cycleOne.TargetKey);
        Assert.Equal($"{noCycle}-c01", cycleOne.CourseId);
        Assert.Contains("does not exist", cycleOne.Detail, StringComparison.Ordinal);
        Assert.Contains("does not exist", listed.Single(d => d.FollowUpId == toNoTrip.Id).Detail, StringComparison.Ordinal);
        var refused = listed.Single(d => d.FollowUpId == toPastTrip.Id);
        Assert.Equal($"class-{suffix}", refused.CourseId);
        Assert.Contains("refused", refused.Detail, StringComparison.Ordinal);
        var bell = await Until.Async(() => BoardInboxAsync(silo), p => p.Items.Count(n => n.Id.StartsWith("undeliverable:", StringComparison.Ordinal)) == 3, "the board's bell rang");
        Assert.All(bell.Items.Where(n => n.Id.StartsWith("undeliverable:", StringComparison.Ordinal)), n => Assert.Equal("/board#undeliverable", n.Link));
    }
}
