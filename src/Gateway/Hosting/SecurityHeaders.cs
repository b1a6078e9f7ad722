namespace OrleansTraining.Gateway.Hosting;

/// <summary>
/// Headers every answer carries: no content sniffing, no framing, referrers kept to our own origin, and a content
/// security policy that lets the pages load nothing from elsewhere and run no script (they need none). The Orleans
/// Dashboard is the exception to the policy: it is a script application of its own, for the board only.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // A page that sets its own (a trainee's personal link: no referrer at all) keeps it.
            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            }

            if (!context.Request.Path.StartsWithSegments("/dashboard"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
