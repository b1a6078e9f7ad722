namespace OrleansTraining.Gateway.Limits;

/// <summary>
/// Decisions before reads when a node is saturated (<see cref="GatewayLimits.ConcurrentReads"/>, four per core unless set):
/// reads (GET and HEAD of the API and the pages) pass through the node's <see cref="ReadGate"/>, changes never wait there,
/// so a lecturer's accept or a province's confirmation does not queue behind everyone's polling and the reads take the
/// wait instead. A read that finds the queue full is refused with a 503 problem and Retry-After. Health checks, the
/// dashboard, the OpenAPI document and static files are never held. Fewer reads in flight cost some throughput on a
/// small machine; four per core kept both the decisions' latency and the throughput targets on the load bench's (README, Load).
/// </summary>
public static class ReadAdmission
{
    public static IApplicationBuilder UseReadAdmission(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<ReadGate>();
        if (!gate.IsOn)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (!Held(context.Request))
            {
                await next(context);
                return;
            }

            using var lease = await gate.EnterAsync(context.RequestAborted);
            if (!lease.IsAcquired)
            {
                await RefuseAsync(context);
                return;
            }

            await next(context);
        });
    }

    /// <summary>A read of the API or of a page; not health, the dashboard, the OpenAPI document or a static file.</summary>
    public static bool Held(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path;
        return !path.StartsWithSegments("/health")
               && !path.StartsWithSegments("/dashboard")
               && !path.StartsWithSegments("/openapi")
               && !Path.HasExtension(path.Value);
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfter.Seconds(TimeSpan.FromSeconds(1));
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The system is busy",
                Detail = "Too many reads are waiting on this node; try again in a second.",
            },
        });
    }
}
