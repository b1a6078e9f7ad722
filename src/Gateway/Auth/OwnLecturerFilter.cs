using OrleansTraining.Gateway.Problems;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// Lets a lecturer account through only for itself (the route value <paramref name="routeParameter"/>); accounts of
/// <paramref name="otherRoles"/> pass too (the board reads every lecturer's record but answers no offer for them).
/// </summary>
public sealed class OwnLecturerFilter(string routeParameter, params string[] otherRoles) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        var lecturerId = context.HttpContext.Request.RouteValues[routeParameter]?.ToString() ?? "";
        if (user.IsLecturer(lecturerId) || otherRoles.Any(user.IsInRole))
        {
            return await next(context);
        }

        return ProblemResults.Forbidden($"This account may not act for lecturer '{lecturerId}'.");
    }
}
