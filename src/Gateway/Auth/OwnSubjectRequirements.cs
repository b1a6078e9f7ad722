using Microsoft.AspNetCore.Authorization;

namespace OrleansTraining.Gateway.Auth;

/// <summary>Only the province named by the route value (and the board when allowed) may call.</summary>
public sealed record OwnProvinceRequirement(string RouteParameter, bool BoardAllowed) : IAuthorizationRequirement;

/// <summary>Only the lecturer named by the route value (and accounts of <see cref="OtherRoles"/>) may call.</summary>
public sealed record OwnLecturerRequirement(string RouteParameter, IReadOnlyList<string> OtherRoles) : IAuthorizationRequirement;

/// <summary>
/// Applies the ownership rules during authorization, before the request's body is even read: a province or lecturer
/// acting for another gets 403 whatever it sent, never a 400 about a body it had no business sending.
/// </summary>
public static class OwnSubjectAuthorization
{
    public static TBuilder RequireOwnProvince<TBuilder>(this TBuilder builder, string routeParameter, bool boardAllowed)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder().AddRequirements(new OwnProvinceRequirement(routeParameter, boardAllowed)).Build());

    public static TBuilder RequireOwnLecturer<TBuilder>(this TBuilder builder, string routeParameter, params string[] otherRoles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder().AddRequirements(new OwnLecturerRequirement(routeParameter, otherRoles)).Build());
}
