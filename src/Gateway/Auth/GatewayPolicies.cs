namespace OrleansTraining.Gateway.Auth;

/// <summary>Authorization policy names, applied to route groups.</summary>
public static class GatewayPolicies
{
    public const string Board = "board";
    public const string Province = "province";
    public const string Lecturer = "lecturer";
    public const string BoardOrProvince = "board-or-province";
    public const string BoardOrLecturer = "board-or-lecturer";
}
