using System.Text.Json;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>
/// Reads through the API until a condition holds: an answer is recorded at once, and what it causes in other grains
/// (one-way follow-ups and deliveries) arrives a moment later. Bounded in real time; fails naming what it waited for.
/// </summary>
public static class Poll
{
    public static async Task<JsonElement> UntilAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, string because)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {because}: {value}");
            await Task.Delay(25);
        }
    }
}
