using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace OrleansTraining.Gateway.Problems;

/// <summary>The problem details the endpoints answer with themselves (the rest come from <see cref="GatewayExceptionHandler"/>).</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    /// <summary>A 403 about a field of the body (an owner the caller may not act for), named under "errors" as a 400 would.</summary>
    public static ProblemHttpResult Forbidden(string field, string detail) =>
        TypedResults.Problem(
            detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    public static NotFound<ProblemDetails> NotFound(string what, string id) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = $"Unknown {what}",
            Detail = $"No {what} '{id}' exists.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });

    /// <summary>A 400 naming each offending field, as <see cref="HttpValidationProblemDetails.Errors"/>.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid");
}
