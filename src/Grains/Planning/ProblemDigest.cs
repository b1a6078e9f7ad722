using System.Security.Cryptography;
using System.Text.Json;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// A digest of everything the engine plans from: equal digests, same problem. A planning run compares the digest it
/// started from with the cycle's when it ends, and applies nothing if they differ.
/// </summary>
public static class ProblemDigest
{
    public static string Of(Engine.CycleProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(problem)));
    }
}
