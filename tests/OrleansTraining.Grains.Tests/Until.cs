namespace OrleansTraining.Grains.Tests;

/// <summary>
/// Follow-ups between grains are one-way, so what one grain decided reaches another a moment later: tests read until
/// the expected state appears, bounded in real time.
/// </summary>
internal static class Until
{
    /// <summary>Waits until every follow-up the grain decided has been handled and acknowledged by its receiver.</summary>
    public static Task DeliveredAsync(Common.IFollowUpSource sender) =>
        Async(() => sender.GetPendingFollowUpsAsync(), pending => pending.IsEmpty, "the grain's follow-ups were acknowledged");

    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool> done, string because, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {because}.");
            }

            await Task.Delay(25);
        }
    }
}
