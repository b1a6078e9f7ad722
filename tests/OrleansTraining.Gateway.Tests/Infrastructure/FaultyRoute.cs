using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>
/// Adds GET /test/fault that fails with an exception the gateway does not know, behind the gateway's own pipeline
/// (so inside its exception handler and authorization), to see what a client learns from a fault of ours.
/// </summary>
public sealed class FaultyRoute : IStartupFilter
{
    public const string Path = "/test/fault";
    public const string Secret = "connection string Password=hunter2 at Secret.Internal.Method";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate following) =>
            context.Request.Path == Path ? throw new InvalidOperationException(Secret) : following(context));
    };
}
