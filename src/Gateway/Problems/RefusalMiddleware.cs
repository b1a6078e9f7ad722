using Microsoft.AspNetCore.Diagnostics;
using Orleans.Storage;

namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// Answers a refusal the request itself caused (a domain rule, a binding failure: any 4xx the exception handler maps)
/// with its problem right where the endpoint threw it, through the same exception handlers. Each middleware between
/// the endpoint and the outer exception handler threw the refusal again as it awaited the failed call: about ten
/// throws for each expected 409, which under load are a quarter of the requests (issue 10's profile: a tenth of a
/// node's CPU in exception dispatch). Our own failures still reach the outer handler. It runs innermost, so that the
/// idempotency middleware records the refusal's problem as the answer, and the headers set before the endpoint ran
/// (the request id) stay on it.
/// </summary>
public sealed class RefusalMiddleware(RequestDelegate next, IEnumerable<IExceptionHandler> handlers)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsCallersFault(exception) && !context.Response.HasStarted)
        {
            foreach (var handler in handlers)
            {
                if (await handler.TryHandleAsync(context, exception, context.RequestAborted))
                {
                    return;
                }
            }

            throw;
        }
    }

    /// <summary>A refusal the request itself caused, answered the same however often it is sent.</summary>
    private static bool IsCallersFault(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode < StatusCodes.Status500InternalServerError,
        // Another node wrote the same record meanwhile: the very same request may well succeed when retried.
        InconsistentStateException => false,
        _ => DomainProblemMap.TryMap(exception) is { Status: < StatusCodes.Status500InternalServerError },
    };
}

public static class RefusalSetup
{
    /// <summary>Last before the endpoints: see <see cref="RefusalMiddleware"/>.</summary>
    public static IApplicationBuilder UseRefusalProblems(this IApplicationBuilder app) => app.UseMiddleware<RefusalMiddleware>();
}
