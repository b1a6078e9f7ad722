using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>A client per kind of caller, the broken tokens made from a real one.</summary>
public static class Callers
{
    public static async Task<Dictionary<Caller, HttpClient>> ClientsAsync(GatewayFactory factory, GatewaySession session, MatrixWorld world)
    {
        var keys = factory.Services.GetRequiredService<SigningKeyStore>();
        var board = await GatewayClients.TokenAsync(session.Anonymous(), "board");
        return new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = session.Anonymous(),
            [Caller.ExpiredToken] = session.WithToken(Reissue(board, keys.Key, expired: true)),
            [Caller.BadSignature] = session.WithToken(Reissue(board, new SymmetricSecurityKey(Encoding.UTF8.GetBytes("not-the-gateways-key-but-long-enough-0123456789")), expired: false)),
            [Caller.Board] = await session.BoardAsync(),
            [Caller.OwnProvince] = await session.ProvinceAsync(world.OwnProvince),
            [Caller.OtherProvince] = await session.ProvinceAsync(world.OtherProvince),
            [Caller.OwnLecturer] = await session.LecturerAsync(world.OwnLecturer),
            [Caller.OtherLecturer] = await session.LecturerAsync(world.OtherLecturer),
        };
    }

    /// <summary>The same claims as a real token, signed with <paramref name="key"/>, and expired an hour ago if asked.</summary>
    private static string Reissue(string token, SecurityKey key, bool expired)
    {
        var original = new JsonWebTokenHandler().ReadJsonWebToken(token);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalTokens.Issuer,
            Audience = LocalTokens.Audience,
            Subject = new ClaimsIdentity(original.Claims.Where(c => c.Type is GatewayClaims.Subject or GatewayClaims.Role)),
            IssuedAt = now.AddHours(-3),
            NotBefore = now.AddHours(-3),
            Expires = expired ? now.AddHours(-1) : now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
