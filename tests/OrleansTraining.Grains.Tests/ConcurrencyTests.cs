using Microsoft.Extensions.Time.Testing;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.TestKit;

namespace OrleansTraining.Grains.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task A_stale_activation_on_another_node_re_reads_and_refuses_to_answer_twice()
    {
        var database = await FreshDatabase.CreateAsync(StorageKind.Sqlite);
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        await using var first = await GrainWorld.StartAsync(time, StorageKind.Sqlite, database);
        await GrainWorld.BuildSmallWorldAsync(first.GrainFactory);
        var cycle = first.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var host = (await cycle.GetPlanAsync()).Courses.Single().HostProvince!;

        await using var second = await GrainWorld.StartAsync(time, StorageKind.Sqlite, database);
        var onSecond = second.GrainFactory.GetGrain<IProvinceGrain>(host);
        var request = Assert.Single(await onSecond.GetHostingRequestsAsync()); // activates with the request pending

        await first.GrainFactory.GetGrain<IProvinceGrain>(host).ConfirmHostingAsync(request.Request.RequestId, GrainWorld.Logistics());
        var error = await Assert.ThrowsAsync<ConflictException>(() => onSecond.DeclineHostingAsync(request.Request.RequestId, new HostingDecline("Muộn")));

        Assert.Equal(ConflictRules.AlreadyAnswered, error.Rule);
        Assert.Equal(HostingRequestStatus.Confirmed, (await onSecond.GetHostingRequestAsync(request.Request.RequestId)).Status);
    }
}
