using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>
/// Adds GET /test/node-down that fails the way a grain call does while the node hosting the grain has just died
/// (<see cref="SiloUnavailableException"/>), behind the gateway's own pipeline.
/// </summary>
public sealed class UnavailableNodeRoute : IStartupFilter
{
    public const string Path = "/test/node-down";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate following) =>
            context.Request.Path == Path ? throw new SiloUnavailableException() : following(context));
    };
}
