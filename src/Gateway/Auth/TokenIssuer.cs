using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTraining.Grains.Accounts;

namespace OrleansTraining.Gateway.Auth;

/// <summary>Signs bearer tokens for built-in accounts.</summary>
public sealed class TokenIssuer(SigningKeyStore keys, IOptions<AuthSettings> settings, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(AccountView account)
    {
        var lifetime = settings.Value.TokenLifetime;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(GatewayClaims.Subject, account.UserName),
            new(GatewayClaims.Role, RoleName(account.Role)),
        };
        if (account.ProvinceCode is { } provinceCode)
        {
            claims.Add(new Claim(GatewayClaims.ProvinceCode, provinceCode));
        }

        if (account.LecturerId is { } lecturerId)
        {
            claims.Add(new Claim(GatewayClaims.LecturerId, lecturerId));
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalTokens.Issuer,
            Audience = LocalTokens.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }

    public static string RoleName(AccountRole role) => role switch
    {
        AccountRole.Board => GatewayRoles.Board,
        AccountRole.Province => GatewayRoles.Province,
        _ => GatewayRoles.Lecturer,
    };
}
