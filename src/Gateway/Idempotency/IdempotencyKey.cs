using System.Security.Cryptography;
using System.Text;
using OrleansTraining.Gateway.Limits;

namespace OrleansTraining.Gateway.Idempotency;

/// <summary>
/// The Idempotency-Key header: which requests it applies to, what a valid key is, and whose key it is. Keys are per
/// caller: a signed-in account's keys are its own; the anonymous endpoints (a trainee's evaluation link, their personal
/// link) are keyed by a hash of the path, which holds the link's secret token, so each link has its own keys and the
/// token itself is never stored. Sign-in is left out: it changes nothing worth protecting, and its answer (a bearer
/// token) must not be stored.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    public static bool AppliesTo(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsPatch(request.Method))
        && request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/api/auth")
        && request.Headers.ContainsKey(Header);

    /// <summary>The one key the request carries, or null with the reason it is not acceptable.</summary>
    public static (string? Key, string? Error) Read(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count != 1)
        {
            return (null, $"Send one '{Header}' header, not {values.Count}.");
        }

        var key = values[0] ?? "";
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxLength || key.Any(char.IsControl))
        {
            return (null, $"'{Header}' must be 1 to {MaxLength} characters without control characters.");
        }

        return (key, null);
    }

    /// <summary>The grain key: the caller, then the key.</summary>
    public static string GrainKey(HttpContext context, string key) =>
        RateLimits.Account(context) is { } account
            ? $"account:{account}:{key}"
            : $"link:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.Path.Value ?? "")))}:{key}";
}
