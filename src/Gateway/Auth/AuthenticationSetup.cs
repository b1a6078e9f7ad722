using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTraining.Grains.Accounts;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// Bearer authentication: tokens this gateway signs (scheme "local") and, when Auth:Authority is set, tokens of an
/// external OpenID Connect provider (scheme "external"). A selector scheme forwards each request by the token's
/// issuer. Everything is read from configuration lazily, when first needed, so hosts and tests can override it.
/// </summary>
public static class AuthenticationSetup
{
    public const string SelectorScheme = JwtBearerDefaults.AuthenticationScheme;
    public const string LocalScheme = "local";
    public const string ExternalScheme = "external";

    public static IServiceCollection AddGatewayAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthSettings>().Bind(configuration.GetSection(AuthSettings.SectionName));
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<TokenIssuer>();
        services.AddHostedService<SigningKeyCheck>();

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token", options => options.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(LocalScheme)
            .AddJwtBearer(ExternalScheme);

        services.AddOptions<JwtBearerOptions>(LocalScheme).Configure<SigningKeyStore>((options, keys) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = LocalTokens.Issuer,
                ValidAudience = LocalTokens.Audience,
                IssuerSigningKey = keys.Key,
                NameClaimType = GatewayClaims.Subject,
                RoleClaimType = GatewayClaims.Role,
            };
        });
        services.AddOptions<JwtBearerOptions>(ExternalScheme).Configure<IOptions<AuthSettings>>((options, settings) =>
        {
            options.MapInboundClaims = false;
            options.Authority = settings.Value.Authority;
            options.Audience = settings.Value.Audience;
            options.RequireHttpsMetadata = settings.Value.RequireHttpsMetadata;
            options.TokenValidationParameters.NameClaimType = GatewayClaims.Subject;
            options.TokenValidationParameters.RoleClaimType = GatewayClaims.Role;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(GatewayPolicies.Board, policy => policy.RequireRole(GatewayRoles.Board))
            .AddPolicy(GatewayPolicies.Province, policy => policy.RequireRole(GatewayRoles.Province).RequireClaim(GatewayClaims.ProvinceCode))
            .AddPolicy(GatewayPolicies.Lecturer, policy => policy.RequireRole(GatewayRoles.Lecturer).RequireClaim(GatewayClaims.LecturerId))
            .AddPolicy(GatewayPolicies.BoardOrProvince, policy => policy.RequireRole(GatewayRoles.Board, GatewayRoles.Province))
            .AddPolicy(GatewayPolicies.BoardOrLecturer, policy => policy.RequireRole(GatewayRoles.Board, GatewayRoles.Lecturer));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, OwnSubjectHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, OwnSubjectRefusal>();
        return services;
    }

    /// <summary>Our own tokens, unreadable ones and all tokens when no authority is configured go to the local scheme.</summary>
    private static string SelectScheme(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value;
        if (string.IsNullOrWhiteSpace(settings.Authority))
        {
            return LocalScheme;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return LocalScheme;
        }

        var handler = new JsonWebTokenHandler();
        var token = header[prefix.Length..].Trim();
        if (!handler.CanReadToken(token))
        {
            return LocalScheme;
        }

        return handler.ReadJsonWebToken(token).Issuer == LocalTokens.Issuer ? LocalScheme : ExternalScheme;
    }
}
