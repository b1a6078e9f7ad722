using Microsoft.AspNetCore.Authorization;

namespace OrleansTraining.Gateway.Auth;

/// <summary>Decides the ownership requirements from the route values; a refusal says whom the caller may not act for.</summary>
public sealed class OwnSubjectHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }

        var user = context.User;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case OwnProvinceRequirement province:
                    var code = http.Request.RouteValues[province.RouteParameter]?.ToString() ?? "";
                    if (user.ActsFor(code) || (province.BoardAllowed && user.IsBoard()))
                    {
                        context.Succeed(requirement);
                    }
                    else
                    {
                        context.Fail(new AuthorizationFailureReason(this, $"This account may not act for province '{code}'."));
                    }

                    break;
                case OwnLecturerRequirement lecturer:
                    var id = http.Request.RouteValues[lecturer.RouteParameter]?.ToString() ?? "";
                    if (user.IsLecturer(id) || lecturer.OtherRoles.Any(user.IsInRole))
                    {
                        context.Succeed(requirement);
                    }
                    else
                    {
                        context.Fail(new AuthorizationFailureReason(this, $"This account may not act for lecturer '{id}'."));
                    }

                    break;
            }
        }

        return Task.CompletedTask;
    }
}
