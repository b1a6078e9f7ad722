using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>
/// The lecturer's personal calendar feed: a secret address the lecturer creates, rotates (the old address stops at
/// once) and revokes. The grain keeps only the secret's hash and is the sole judge of whether an address is live.
/// </summary>
public sealed partial class LecturerGrain
{
    public async Task<CalendarFeedToken> RotateCalendarFeedAsync()
    {
        EnsureExists();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await state.UpdateAsync(s => s with { CalendarFeedHash = FeedHash(secret), CalendarFeedCreatedAt = now });
        return new CalendarFeedToken($"{Id}.{secret}", now);
    }

    public async Task RevokeCalendarFeedAsync()
    {
        EnsureExists();
        if (state.State.CalendarFeedHash is null)
        {
            return;
        }

        await state.UpdateAsync(s => s with { CalendarFeedHash = null, CalendarFeedCreatedAt = null });
    }

    public Task<CalendarFeedStatus> GetCalendarFeedStatusAsync()
    {
        EnsureExists();
        return Task.FromResult(new CalendarFeedStatus(state.State.CalendarFeedHash is not null, state.State.CalendarFeedCreatedAt));
    }

    public Task<LecturerView> ReadCalendarFeedAsync(string secret)
    {
        // An unknown lecturer, no live feed and a wrong secret all answer alike: nothing tells a guess which part failed.
        var kept = state.RecordExists ? state.State.CalendarFeedHash : null;
        if (kept is null || string.IsNullOrEmpty(secret)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(kept), Encoding.ASCII.GetBytes(FeedHash(secret))))
        {
            throw new NotFoundException("calendar feed", "this address");
        }

        return Task.FromResult(View());
    }

    private static string FeedHash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
