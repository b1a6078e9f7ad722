namespace OrleansTraining.Gateway.Auth;

/// <summary>Configuration section "Auth".</summary>
public sealed class AuthSettings
{
    public const string SectionName = "Auth";

    /// <summary>The symmetric key our own tokens are signed with (at least 32 characters).</summary>
    public string? SigningKey { get; set; }

    /// <summary>An external OpenID Connect authority whose tokens are accepted besides ours; null: ours only.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens of <see cref="Authority"/> must carry.</summary>
    public string? Audience { get; set; }

    /// <summary>Whether the external authority's metadata may be fetched over plain HTTP (local identity servers).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A file whose text (trimmed) is the signing key, kept outside the repository; instead of <see cref="SigningKey"/>.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>Where Development generates its key (relative to the content root); outside Development that key is refused.</summary>
    public string DevelopmentKeyFile { get; set; } = Path.Combine("data", "jwt-signing-key");
}
