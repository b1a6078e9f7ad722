namespace OrleansTraining.Gateway.Limits;

/// <summary>
/// On a page with a rate-limiting policy: only these handlers count against it (a page is one endpoint to the rate
/// limiter, which runs before the handler is chosen, so an attribute on a handler method would not be seen). The
/// planning-run page counts Start as a planning run; stopping a run costs nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RateLimitedHandlersAttribute(params string[] handlers) : Attribute
{
    public IReadOnlyList<string> Handlers { get; } = handlers;

    /// <summary>False for a request to a handler of the page not listed; true for any other request or endpoint.</summary>
    public static bool Counts(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedHandlersAttribute>() is not { } limited)
        {
            return true;
        }

        // Razor Pages pick the handler from the route value or the query (asp-page-handler), case-insensitively.
        var handler = context.GetRouteValue("handler")?.ToString() ?? context.Request.Query["handler"].ToString();
        return limited.Handlers.Contains(handler, StringComparer.OrdinalIgnoreCase);
    }
}
