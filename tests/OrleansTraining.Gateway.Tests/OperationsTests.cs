using System.Net;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>What operators use: liveness and readiness without a token, the Orleans Dashboard for the board only.</summary>
public sealed class OperationsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_endpoints_answer_healthy_without_a_token(string path)
    {
        var response = await gateway.Session.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_is_the_boards_alone()
    {
        const string path = "/dashboard/index.html";

        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Session.Anonymous().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await gateway.Session.ProvinceAsync("hue")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await gateway.Session.LecturerAsync("l01")).GetAsync(path)).StatusCode);
        var board = await (await gateway.Session.BoardAsync()).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("text/html", board.Content.Headers.ContentType?.MediaType);
    }
}
