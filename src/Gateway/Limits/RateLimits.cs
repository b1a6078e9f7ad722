using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansTraining.Gateway.Auth;

namespace OrleansTraining.Gateway.Limits;

/// <summary>
/// ASP.NET Core's rate limiter, three fixed windows: sign-in attempts per client address (policy <see cref="SignIn"/>),
/// planning runs per account (policy <see cref="Planning"/>), and every request per signed-in account (the global
/// limiter). Only POSTs count for the two policies, so reading the sign-in or cycle page costs nothing. A refusal is a
/// 429 problem with Retry-After. Client addresses are the connection's: behind a proxy, forward them first.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Planning = "planning";

    public static IServiceCollection AddGatewayLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayLimits>().Bind(configuration.GetSection(GatewayLimits.SectionName));
        services.AddSingleton<ReadGate>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignIn, context => PostsOnly(context, $"ip:{context.Connection.RemoteIpAddress}", l => (l.SignInPermits, l.SignInWindow)));
            options.AddPolicy(Planning, context => RateLimitedHandlersAttribute.Counts(context)
                ? PostsOnly(context, $"account:{Account(context)}", l => (l.PlanningPermits, l.PlanningWindow))
                : RateLimitPartition.GetNoLimiter("not-counted"));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Account(context) is { } account
                    ? Window(context, $"account:{account}", l => (l.AccountPermits, l.AccountWindow))
                    : RateLimitPartition.GetNoLimiter("anonymous"));
        });
        return services;
    }

    /// <summary>The body size cap, then the rate limiter; after authentication, so the limiter knows the account.</summary>
    public static IApplicationBuilder UseGatewayLimits(this IApplicationBuilder app) => app.UseRequestBodyLimit().UseRateLimiter();

    /// <summary>The caller's account: issuer and subject, so an external authority's users never share a local name's window.</summary>
    public static string? Account(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return $"{user.FindFirst("iss")?.Value}|{user.FindFirst(GatewayClaims.Subject)?.Value ?? user.Identity.Name}";
    }

    private static RateLimitPartition<string> PostsOnly(HttpContext context, string key, Func<GatewayLimits, (int Permits, TimeSpan Window)> select) =>
        HttpMethods.IsPost(context.Request.Method) ? Window(context, key, select) : RateLimitPartition.GetNoLimiter("reads");

    private static RateLimitPartition<string> Window(HttpContext context, string key, Func<GatewayLimits, (int Permits, TimeSpan Window)> select)
    {
        var (permits, window) = select(context.RequestServices.GetRequiredService<IOptions<GatewayLimits>>().Value);
        if (permits <= 0)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var context = rejected.HttpContext;
        var seconds = RetryAfter.Seconds(rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds;
        if (TooManyRequestsPage.Wanted(context.Request))
        {
            await TooManyRequestsPage.WriteAsync(context, seconds);
            return;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests of this kind in a short time; try again in {seconds} s.",
            },
        });
    }
}
