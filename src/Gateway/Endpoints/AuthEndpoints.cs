using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Accounts;

namespace OrleansTraining.Gateway.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/token", IssueTokenAsync)
            .WithSummary("Signs in a built-in account and returns a bearer token; too many attempts or a locked account answer 429 with Retry-After.")
            .RequireRateLimiting(Limits.RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, IGrainFactory grains, TokenIssuer issuer, HttpContext http)
    {
        var errors = new FieldErrors()
            .RequireText("userName", request.UserName)
            .RequireText("password", request.Password);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        AccountView? account;
        try
        {
            account = await grains.GetGrain<IAccountGrain>(AccountKeys.ForUserName(request.UserName)).SignInAsync(request.Password);
        }
        catch (AccountLockedException locked)
        {
            // Said before the password is checked, so a locked answer tells nothing of the password or the account.
            http.Response.Headers.RetryAfter = Limits.RetryAfter.Seconds(locked.RetryAfter);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Sign-in locked",
                detail: locked.Message);
        }

        if (account is null)
        {
            // The same answer for an unknown user and a wrong password, so names cannot be probed.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed",
                detail: "The user name or the password is wrong.");
        }

        var token = issuer.Issue(account);
        return TypedResults.Ok(new TokenResponse(
            token.AccessToken, "Bearer", token.ExpiresInSeconds, TokenIssuer.RoleName(account.Role), account.ProvinceCode, account.LecturerId));
    }
}
