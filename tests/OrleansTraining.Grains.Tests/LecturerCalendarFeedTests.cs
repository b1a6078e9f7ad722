using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Tests;

/// <summary>The calendar feed's secret: a new one revokes the old, revoking ends it, and it opens only its own lecturer.</summary>
public sealed class LecturerCalendarFeedTests
{
    [Fact]
    public async Task Rotating_kills_the_previous_secret_and_revoking_kills_the_current_one()
    {
        await using var silo = await GrainWorld.StartAsync();
        var id = $"l-{GrainWorld.Suffix()}";
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        Assert.False((await lecturer.GetCalendarFeedStatusAsync()).Active);

        var first = Secret(await lecturer.RotateCalendarFeedAsync(), id);
        Assert.Equal(id, (await lecturer.ReadCalendarFeedAsync(first)).Id);
        Assert.True((await lecturer.GetCalendarFeedStatusAsync()).Active);

        var second = Secret(await lecturer.RotateCalendarFeedAsync(), id);
        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<NotFoundException>(() => lecturer.ReadCalendarFeedAsync(first));
        Assert.Equal(id, (await lecturer.ReadCalendarFeedAsync(second)).Id);

        await lecturer.RevokeCalendarFeedAsync();
        await lecturer.RevokeCalendarFeedAsync(); // idempotent
        await Assert.ThrowsAsync<NotFoundException>(() => lecturer.ReadCalendarFeedAsync(second));
        Assert.Equal(new CalendarFeedStatus(false, null), await lecturer.GetCalendarFeedStatusAsync());
    }

    [Fact]
    public async Task A_secret_opens_only_its_own_lecturer_and_a_lecturer_never_created_has_no_feed()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, b) = ($"l-{GrainWorld.Suffix()}", $"l-{GrainWorld.Suffix()}");
        foreach (var id in new[] { a, b })
        {
            await silo.GrainFactory.GetGrain<ILecturerGrain>(id).CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        }

        var secretOfA = Secret(await silo.GrainFactory.GetGrain<ILecturerGrain>(a).RotateCalendarFeedAsync(), a);
        await silo.GrainFactory.GetGrain<ILecturerGrain>(b).RotateCalendarFeedAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => silo.GrainFactory.GetGrain<ILecturerGrain>(b).ReadCalendarFeedAsync(secretOfA));
        await Assert.ThrowsAsync<NotFoundException>(() => silo.GrainFactory.GetGrain<ILecturerGrain>($"l-{GrainWorld.Suffix()}").ReadCalendarFeedAsync(secretOfA));
        await Assert.ThrowsAsync<NotFoundException>(() => silo.GrainFactory.GetGrain<ILecturerGrain>(a).ReadCalendarFeedAsync(""));
    }

    private static string Secret(CalendarFeedToken token, string lecturerId)
    {
        Assert.True(CalendarFeedToken.TryParse(token.Token, out var owner, out var secret));
        Assert.Equal(lecturerId, owner);
        Assert.Equal(43, secret.Length); // 256 bits, base64url without padding
        return secret;
    }
}
