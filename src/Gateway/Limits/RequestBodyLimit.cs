using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace OrleansTraining.Gateway.Limits;

/// <summary>
/// Caps the request body: materials uploads at <see cref="GatewayLimits.MaxUploadBodyBytes"/>, everything else at
/// <see cref="GatewayLimits.MaxRequestBodyBytes"/>. A declared length over the cap is refused at once with a 413
/// problem; a body that streams past it makes Kestrel stop reading, which the exception handler answers as a 413 too.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<GatewayLimits>>().Value;
        var limit = IsUpload(context.Request) ? limits.MaxUploadBodyBytes : limits.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large",
                    Detail = $"The body has {context.Request.ContentLength:N0} bytes; at most {limit:N0} are accepted here.",
                },
            });
            return;
        }

        await next(context);
    });

    /// <summary>POST /api/courses/{courseId}/materials, the one multipart upload.</summary>
    private static bool IsUpload(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api/courses", out var rest))
        {
            return false;
        }

        var segments = rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments.Length == 2 && segments[1] == "materials";
    }
}
