using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Tests;

/// <summary>The board's list of undeliverable decisions is bounded, and a full list gives up what the board has already seen.</summary>
public sealed class UndeliverableListTests
{
    [Fact]
    public async Task A_full_list_drops_the_oldest_dismissed_decision_and_keeps_one_nobody_looked_at()
    {
        await using var silo = await GrainCluster.StartAsync(silos: 1);
        var registry = silo.GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        var now = silo.Time.GetUtcNow();
        UndeliverableDecision Decision(int i) => new($"f-{i}", FollowUpKind.OfferAnswered, $"lecturer/l-{i}", "c-1", "refused", now);

        for (var i = 0; i < RegistryGrain.UndeliverableKept; i++)
        {
            await registry.RecordUndeliverableAsync(Decision(i));
        }

        await registry.DismissUndeliverableAsync("f-3");
        await registry.DismissUndeliverableAsync("f-7");
        await registry.RecordUndeliverableAsync(Decision(500));

        var kept = await registry.GetUndeliverableAsync(includeDismissed: true);
        Assert.Equal(RegistryGrain.UndeliverableKept, kept.Length);
        Assert.Contains(kept, d => d.FollowUpId == "f-0"); // the oldest, never looked at: still listed
        Assert.DoesNotContain(kept, d => d.FollowUpId == "f-3"); // the oldest dismissed went
        Assert.Contains(kept, d => d.FollowUpId == "f-7");
        Assert.Equal("f-500", kept[0].FollowUpId); // newest first

        // With nothing dismissed left but f-7, the next two go: f-7, then the oldest of all.
        await registry.RecordUndeliverableAsync(Decision(501));
        await registry.RecordUndeliverableAsync(Decision(502));
        var after = await registry.GetUndeliverableAsync(includeDismissed: true);
        Assert.DoesNotContain(after, d => d.FollowUpId == "f-7");
        Assert.DoesNotContain(after, d => d.FollowUpId == "f-0");
        Assert.Contains(after, d => d.FollowUpId == "f-1");
    }
}
