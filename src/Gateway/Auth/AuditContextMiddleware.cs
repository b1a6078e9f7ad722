using System.Diagnostics;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// Puts the signed-in caller and the request id into Orleans' RequestContext (<see cref="AuditContext"/>), so every
/// state change the request causes, in any grain, is audited as theirs; answers the request id as <c>X-Request-Id</c>.
/// Call after UseAuthorization, when a page's cookie user or an API token's user is known.
/// </summary>
public static class AuditContextMiddleware
{
    public const string RequestIdHeader = "X-Request-Id";

    public const string Anonymous = "anonymous";

    public static IApplicationBuilder UseAuditContext(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var requestId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.Headers[RequestIdHeader] = requestId;
        RequestContext.Set(AuditContext.RequestId, requestId);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            RequestContext.Set(AuditContext.Actor, user.Identity.Name ?? user.FindFirst(GatewayClaims.Subject)?.Value ?? "");
            RequestContext.Set(AuditContext.Role, user.FindFirst(GatewayClaims.Role)?.Value ?? "");
            if ((user.ProvinceCode() ?? user.LecturerId()) is { } actsFor)
            {
                RequestContext.Set(AuditContext.ActsFor, actsFor);
            }
        }
        else
        {
            // A trainee's personal link or an evaluation form: a person without an account, not the system.
            RequestContext.Set(AuditContext.Actor, Anonymous);
            RequestContext.Set(AuditContext.Role, Anonymous);
        }

        await next(context);
    });
}
