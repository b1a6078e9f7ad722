using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// The one place exceptions become RFC 9457 problem details: binding failures and domain refusals name the field or
/// rule; anything else is a 500 that tells the client nothing of our internals (the log has the details).
/// </summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problemDetails, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for a node to be declared dead or a database to finish restarting; short for a person.</summary>
    public const string RetryAfterSeconds = "5";

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
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Not the client's fault and not a bug: worth seeing in the log, with the cause.
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, problem.Title ?? "", exception);
        }
        else
        {
            LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, problem.Status ?? 0, problem.Title ?? "");
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (httpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            // Every 503 here passes by itself (a node restarting, the database back): say when to try again.
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Method} {Path} with 503: {Title}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string title, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status} {Title}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string title);
}
