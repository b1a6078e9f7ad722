using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Every answer — API, problem, page — says: no sniffing, no framing, a referrer policy and a content security policy.</summary>
public sealed class SecurityHeadersTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    [Theory]
    [InlineData("/api/cycles")]
    [InlineData("/api/cycles/2099-2100")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/")]
    [InlineData("/sign-in")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var board = await gateway.Session.BoardAsync();

        var response = await board.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }
}
