using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OrleansTraining.Gateway.Problems;

namespace OrleansTraining.Gateway.Auth;

/// <summary>A refusal by <see cref="OwnSubjectHandler"/> answers a 403 problem that names the province or lecturer; all else as usual.</summary>
public sealed class OwnSubjectRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is OwnSubjectHandler) is { } reason)
        {
            await ProblemResults.Forbidden(reason.Message).ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
