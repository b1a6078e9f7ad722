namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// Claim names in our tokens. An external OpenID Connect provider must issue the same names for its users to be
/// bound to a province or a lecturer.
/// </summary>
public static class GatewayClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string ProvinceCode = "province";
    public const string LecturerId = "lecturer_id";
}
