using Microsoft.AspNetCore.Mvc;

namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// Which exceptions raised by grains are the caller's fault, and the problem details they become. Anything not
/// listed here is a fault of ours (500).
/// </summary>
public static class DomainProblemMap
{
    public static ProblemDetails? TryMap(Exception exception) => exception switch
    {
        KeyNotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ArgumentException argument => Validation(argument.ParamName ?? "body", argument.Message),
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
}
