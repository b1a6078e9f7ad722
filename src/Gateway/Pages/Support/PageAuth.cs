using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Grains.Accounts;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>
/// Pages sign in with a cookie of their own scheme and their own policies, so the API's default (bearer) scheme and
/// its 401 JSON answers stay as they are, and a page without a cookie redirects to the sign-in page instead.
/// </summary>
public static class PageAuth
{
    public const string Scheme = "pages";
    public const string VisitorPolicy = "pages-visitor";
    public const string BoardPolicy = "pages-board";
    public const string ProvincePolicy = "pages-province";
    public const string LecturerPolicy = "pages-lecturer";
    public const string BoardOrProvincePolicy = "pages-board-or-province";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "ot.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            // Anyone may see the page; the cookie, when there is one, tells the page who is looking.
            .AddPolicy(VisitorPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAssertion(_ => true))
            .AddPolicy(BoardPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(GatewayRoles.Board))
            .AddPolicy(ProvincePolicy, policy => policy.AddAuthenticationSchemes(Scheme)
                .RequireRole(GatewayRoles.Province).RequireClaim(GatewayClaims.ProvinceCode))
            .AddPolicy(LecturerPolicy, policy => policy.AddAuthenticationSchemes(Scheme)
                .RequireRole(GatewayRoles.Lecturer).RequireClaim(GatewayClaims.LecturerId))
            // A page the board and one province share (a course's attendance: its host); the page checks which province.
            .AddPolicy(BoardOrProvincePolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(GatewayRoles.Board, GatewayRoles.Province));
    }

    /// <summary>The same claims as a bearer token, so <see cref="CallerIdentity"/> reads both alike.</summary>
    public static Task SignInAsync(HttpContext context, AccountView account)
    {
        var claims = new List<Claim>
        {
            new(GatewayClaims.Subject, account.UserName),
            new(GatewayClaims.Role, TokenIssuer.RoleName(account.Role)),
        };
        if (account.ProvinceCode is { } provinceCode)
        {
            claims.Add(new Claim(GatewayClaims.ProvinceCode, provinceCode));
        }

        if (account.LecturerId is { } lecturerId)
        {
            claims.Add(new Claim(GatewayClaims.LecturerId, lecturerId));
        }

        var identity = new ClaimsIdentity(claims, Scheme, GatewayClaims.Subject, GatewayClaims.Role);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    public static string HomeOfAccount(AccountView account) => account.Role switch
    {
        AccountRole.Board => "/board",
        AccountRole.Province => $"/province/{Uri.EscapeDataString(account.ProvinceCode ?? "")}",
        _ => $"/lecturer/{Uri.EscapeDataString(account.LecturerId ?? "")}",
    };

    /// <summary>Where each role's work starts.</summary>
    public static string HomeOf(ClaimsPrincipal user) =>
        user.IsBoard() ? "/board"
        : user.ProvinceCode() is { } code ? $"/province/{Uri.EscapeDataString(code)}"
        : user.LecturerId() is { } id ? $"/lecturer/{Uri.EscapeDataString(id)}"
        : "/";
}
