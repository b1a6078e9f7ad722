using OrleansTraining.Gateway.Problems;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// Lets a province account through only for its own province (the route value <paramref name="routeParameter"/>).
/// The board passes too when <paramref name="boardAllowed"/>: it follows every province's requests.
/// </summary>
public sealed class OwnProvinceFilter(string routeParameter, bool boardAllowed) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        var provinceCode = context.HttpContext.Request.RouteValues[routeParameter]?.ToString() ?? "";
        if (user.ActsFor(provinceCode) || (boardAllowed && user.IsBoard()))
        {
            return await next(context);
        }

        return ProblemResults.Forbidden($"This account may not act for province '{provinceCode}'.");
    }
}
