using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Idempotency;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// Idempotency records are swept by a reminder when they expire, also when their key is never used again: the stored
/// record and its reminder are gone without any call to the key.
/// </summary>
public sealed class IdempotencySweepTests
{
    private static IServiceProvider Services(GrainCluster silo) => ((InProcessSiloHandle)silo.Cluster.Primary!).SiloHost!.Services;

    private static async Task<bool> StoredAsync(GrainCluster silo, IIdempotencyGrain grain)
    {
        var stored = new GrainState<IdempotencyState>();
        await Services(silo).GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name).ReadStateAsync("idempotency", grain.GetGrainId(), stored);
        return stored.RecordExists;
    }

    private static async Task<bool> RemindedAsync(GrainCluster silo, IIdempotencyGrain grain) =>
        (await Services(silo).GetRequiredService<IReminderTable>().ReadRows(grain.GetGrainId())).Reminders.Count > 0;

    [Fact]
    public async Task An_answer_is_swept_after_its_retention_and_an_abandoned_claim_after_its_timeout_without_the_key_being_seen_again()
    {
        await using var silo = await GrainWorld.StartAsync();
        var limits = new LimitOptions();
        var answered = silo.GrainFactory.GetGrain<IIdempotencyGrain>($"board:answered-{GrainWorld.Suffix()}");
        var abandoned = silo.GrainFactory.GetGrain<IIdempotencyGrain>($"board:abandoned-{GrainWorld.Suffix()}");
        Assert.Equal(IdempotencyOutcome.Claimed, (await answered.ClaimAsync("h1")).Outcome);
        await answered.CompleteAsync("h1", new StoredAnswer(201, "application/json", "/api/x", [1, 2, 3]));
        Assert.Equal(IdempotencyOutcome.Claimed, (await abandoned.ClaimAsync("h2")).Outcome); // its node "died": never completed

        await silo.AdvanceAsync(limits.IdempotencyClaimTimeout + TimeSpan.FromMinutes(2));
        await Until.Async(() => StoredAsync(silo, abandoned), stored => !stored, "the abandoned claim was swept");
        await Until.Async(() => RemindedAsync(silo, abandoned), reminded => !reminded, "its reminder was dropped");
        Assert.True(await StoredAsync(silo, answered)); // within its retention: kept, still replayed
        Assert.True(await RemindedAsync(silo, answered));

        await silo.AdvanceAsync(limits.IdempotencyRetention);
        await Until.Async(() => StoredAsync(silo, answered), stored => !stored, "the expired answer was swept");
        await Until.Async(() => RemindedAsync(silo, answered), reminded => !reminded, "its reminder was dropped");
        Assert.Equal(IdempotencyOutcome.Claimed, (await answered.ClaimAsync("h3")).Outcome); // the key is free again
    }
}
