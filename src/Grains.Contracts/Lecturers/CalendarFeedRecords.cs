namespace OrleansTraining.Grains.Lecturers;

/// <summary>
/// A lecturer's calendar feed token, "&lt;lecturer id&gt;.&lt;secret&gt;" (256 random bits, base64url), as the feed's
/// address carries it; the lecturer grain keeps only the secret's hash, as courses do for evaluation links.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.CalendarFeedToken")]
public sealed record CalendarFeedToken(string Token, DateTimeOffset CreatedAt)
{
    /// <summary>Splits a token into the lecturer it belongs to and its secret; false when it has no such shape.</summary>
    public static bool TryParse(string? token, out string lecturerId, out string secret)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        lecturerId = dot > 0 ? token![..dot] : "";
        secret = dot > 0 ? token![(dot + 1)..] : "";
        return lecturerId.Length > 0 && secret.Length > 0;
    }
}

/// <summary>Whether the lecturer has a live calendar feed, and since when (the address itself is not kept).</summary>
[GenerateSerializer, Immutable, Alias("ot.CalendarFeedStatus")]
public sealed record CalendarFeedStatus(bool Active, DateTimeOffset? CreatedAt);
