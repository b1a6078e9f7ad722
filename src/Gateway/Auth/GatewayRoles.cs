namespace OrleansTraining.Gateway.Auth;

/// <summary>The role claim values; they match <see cref="Grains.Accounts.AccountRole"/> in lower case.</summary>
public static class GatewayRoles
{
    public const string Board = "board";
    public const string Province = "province";
    public const string Lecturer = "lecturer";
}
