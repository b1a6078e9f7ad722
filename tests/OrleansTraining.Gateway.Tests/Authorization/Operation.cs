using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using OrleansTraining.Gateway.Auth;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>One operation of the API (method and route pattern) and who may call it, read off the endpoint's own metadata.</summary>
public sealed record Operation(string Method, string Pattern, bool Anonymous, string? Policy)
{
    private static readonly Caller[] Roles = [Caller.Board, Caller.OwnProvince, Caller.OtherProvince, Caller.OwnLecturer, Caller.OtherLecturer];

    public override string ToString() => $"{Method} {Pattern}";

    public static IEnumerable<Operation> All(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/calendar/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new Operation(
                method,
                e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null))))
            .Distinct()
            .OrderBy(o => o.Pattern, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal);

    /// <summary>
    /// The roles the policy admits; then a province (lecturer) named in the route admits only that province (lecturer),
    /// and the board only where the policy names it.
    /// </summary>
    public IReadOnlySet<Caller> Admitted()
    {
        if (Anonymous)
        {
            return Enum.GetValues<Caller>().ToHashSet();
        }

        HashSet<Caller> admitted = Policy switch
        {
            GatewayPolicies.Board => [Caller.Board],
            GatewayPolicies.Province => [Caller.OwnProvince, Caller.OtherProvince],
            GatewayPolicies.Lecturer => [Caller.OwnLecturer, Caller.OtherLecturer],
            GatewayPolicies.BoardOrProvince => [Caller.Board, Caller.OwnProvince, Caller.OtherProvince],
            GatewayPolicies.BoardOrLecturer => [Caller.Board, Caller.OwnLecturer, Caller.OtherLecturer],
            _ => Roles.ToHashSet(),
        };
        if (NamesProvince)
        {
            admitted.Remove(Caller.OtherProvince);
        }

        if (NamesLecturer)
        {
            admitted.Remove(Caller.OtherLecturer);
        }

        return admitted;
    }

    public bool NamesProvince => Pattern.StartsWith("/api/provinces/{", StringComparison.Ordinal);

    public bool NamesLecturer => Pattern.StartsWith("/api/lecturers/{", StringComparison.Ordinal);
}
