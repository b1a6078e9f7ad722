using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OrleansTraining.Grains.Accounts;

/// <summary>Hashes and checks passwords with PBKDF2-HMAC-SHA512 and a random salt per account.</summary>
public sealed class PasswordHasher(IOptions<PasswordHashingOptions> options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public PasswordHash Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var iterations = Math.Max(1, options.Value.PasswordIterations);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return new PasswordHash { Iterations = iterations, Salt = Convert.ToBase64String(salt), Hash = Convert.ToBase64String(hash) };
    }

    public static bool Verify(PasswordHash stored, string password)
    {
        if (stored.Iterations <= 0 || stored.Hash.Length == 0)
        {
            return false;
        }

        var expected = Convert.FromBase64String(stored.Hash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(stored.Salt), stored.Iterations, HashAlgorithmName.SHA512, expected.Length);

        // Constant time, so the time taken does not tell how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
