using Orleans.Storage;
using Microsoft.AspNetCore.Mvc;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// Which exceptions raised by grains are the caller's fault, and the problem details they become. Anything not
/// listed here is a fault of ours (500).
/// </summary>
public static class DomainProblemMap
{
    /// <summary>Problem types of broken rules: one URI per rule, so clients can tell them apart without parsing text.</summary>
    public const string RuleTypePrefix = "urn:orleans-training:rule:";

    public static ProblemDetails? TryMap(Exception exception) => exception switch
    {
        DomainValidationException invalid => Validation(invalid.Field, invalid.Message),
        UnprocessableException unprocessable => Unprocessable(unprocessable.Field, unprocessable.Message),
        NotFoundException notFound => NotFound(notFound),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message),
        ConflictException conflict => Conflict(conflict.Rule, conflict.Message),
        // Another node changed the same record between our read and write; the client may simply try again.
        InconsistentStateException => Conflict(ConflictRules.ConcurrentUpdate, "The record changed while the request ran; try again."),
        // A grain that does not answer in time is overloaded or its database is; the request may be retried later.
        TimeoutException => Problem(StatusCodes.Status503ServiceUnavailable, "The system is busy", "The request took too long; try again shortly."),
        // The grain's node died or cannot be reached (SiloUnavailableException is one of these): membership declares it
        // dead within seconds and the next call activates the grain on a live node, so the client may simply retry.
        OrleansMessageRejectionException => Problem(StatusCodes.Status503ServiceUnavailable, "A node is unavailable", "Part of the system is restarting; try again in a few seconds."),
        // The database is down or restarting: nothing was written (or, at worst, the last write is ambiguous and a retry
        // decides again on the stored state), and the nodes reconnect by themselves when it is back.
        _ when StorageOutage.Caused(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "The database is unavailable", "The data could not be reached; nothing was changed. Try again shortly."),
        _ => null,
    };

    public static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    public static HttpValidationProblemDetails Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        };

    /// <summary>A 422: the request is well-formed but names something the domain refuses; the field is named as for a 400.</summary>
    public static HttpValidationProblemDetails Unprocessable(string field, string message)
    {
        var problem = Validation(new Dictionary<string, string[]> { [field] = [message] });
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Title = "The request cannot be processed";
        return problem;
    }

    private static ProblemDetails NotFound(NotFoundException notFound)
    {
        var problem = Problem(StatusCodes.Status404NotFound, $"Unknown {notFound.Entity.ToLowerInvariant()}", notFound.Message);
        problem.Extensions["entity"] = notFound.Entity;
        problem.Extensions["id"] = notFound.Id;
        if (!string.IsNullOrEmpty(notFound.Field))
        {
            // An id from the body: name the field as a 400 would, so a client can point at it.
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [notFound.Field] = [notFound.Message] };
        }

        return problem;
    }

    private static ProblemDetails Conflict(string rule, string detail)
    {
        var problem = Problem(StatusCodes.Status409Conflict, $"Rule broken: {rule}", detail);
        problem.Type = RuleTypePrefix + rule;
        problem.Extensions["rule"] = rule;
        return problem;
    }
}
