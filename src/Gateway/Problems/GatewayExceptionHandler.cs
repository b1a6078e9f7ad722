using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// The one place exceptions become RFC 9457 problem details: binding failures and domain refusals name the field or
/// rule; anything else is a 500 that tells the client nothing of our internals (the log has the details).
/// </summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problemDetails, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException badRequest => FromBadRequest(badRequest),
            _ => DomainProblemMap.TryMap(exception),
        };
        if (problem is null)
        {
            LogUnexpected(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            problem = DomainProblemMap.Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred", "The request failed on our side; it has been logged.");
        }
        else
        {
            LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, problem.Status ?? 0, problem.Title ?? "");
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
        });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return DomainProblemMap.Problem(exception.StatusCode, "The request could not be processed", exception.Message);
        }

        return DomainProblemMap.Validation(RequestBodyProblem.Describe(exception).ToDictionary());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure of {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status} {Title}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string title);
}
