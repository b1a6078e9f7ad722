using System.Security.Claims;

namespace OrleansTraining.Gateway.Auth;

/// <summary>Reads who the caller is from the token's claims.</summary>
public static class CallerIdentity
{
    public static bool IsBoard(this ClaimsPrincipal user) => user.IsInRole(GatewayRoles.Board);

    public static string? ProvinceCode(this ClaimsPrincipal user) =>
        user.IsInRole(GatewayRoles.Province) ? user.FindFirstValue(GatewayClaims.ProvinceCode) : null;

    public static string? LecturerId(this ClaimsPrincipal user) =>
        user.IsInRole(GatewayRoles.Lecturer) ? user.FindFirstValue(GatewayClaims.LecturerId) : null;

    /// <summary>True for the province's own account.</summary>
    public static bool ActsFor(this ClaimsPrincipal user, string provinceCode) =>
        user.ProvinceCode() is { } own && string.Equals(own, provinceCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the lecturer's own account.</summary>
    public static bool IsLecturer(this ClaimsPrincipal user, string lecturerId) =>
        user.LecturerId() is { } own && string.Equals(own, lecturerId, StringComparison.OrdinalIgnoreCase);
}
