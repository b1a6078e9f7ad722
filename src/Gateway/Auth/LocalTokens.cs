namespace OrleansTraining.Gateway.Auth;

/// <summary>Issuer and audience of the tokens this gateway signs itself.</summary>
public static class LocalTokens
{
    public const string Issuer = "orleans-training";
    public const string Audience = "orleans-training-gateway";
}
