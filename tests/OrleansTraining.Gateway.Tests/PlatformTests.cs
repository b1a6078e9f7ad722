using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>What every client meets first: health, the OpenAPI document, sign-in and its refusals.</summary>
public sealed class PlatformTests(EmptySqliteGatewayFixture gateway) : IClassFixture<EmptySqliteGatewayFixture>
{
    [Fact]
    public async Task Health_answers_without_a_token()
    {
        var response = await gateway.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api_without_a_token()
    {
        var document = await (await gateway.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/auth/token", paths);
        Assert.Contains("/api/cycles/{cycleId}/plan", paths);
        Assert.Contains("/api/courses/{courseId}", paths);
        Assert.Contains("/api/provinces/{code}/hosting-requests/{requestId}/confirm", paths);
        Assert.Contains("/api/lecturers/{lecturerId}/assignments/{assignmentId}/decline", paths);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal(0, document.GetProperty("paths").GetProperty("/api/auth/token").GetProperty("post").GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_body()
    {
        var response = await gateway.Anonymous().PostAsync("/api/auth/token", Json("{\"userName\": \"board\", "));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("body", problem.ErrorFields());
    }

    [Fact]
    public async Task A_wrong_type_is_a_400_problem_naming_the_field()
    {
        var response = await gateway.Anonymous().PostAsync("/api/auth/token", Json("{\"userName\": 5, \"password\": \"x\"}"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("userName", problem.ErrorFields());
    }

    [Fact]
    public async Task A_missing_field_is_a_400_problem_naming_it()
    {
        var response = await gateway.Anonymous().PostAsync("/api/auth/token", Json("{\"userName\": \"board\"}"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("password", problem.ErrorFields());
    }

    [Fact]
    public async Task An_empty_user_name_is_a_400_problem_naming_it()
    {
        var response = await gateway.Anonymous().PostAsync("/api/auth/token", Json("{\"userName\": \" \", \"password\": \"x\"}"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("userName", problem.ErrorFields());
    }

    [Fact]
    public async Task Unknown_user_is_refused_with_401()
    {
        var response = await gateway.Anonymous().PostAsync("/api/auth/token", Json("{\"userName\": \"nobody\", \"password\": \"demo-2027\"}"));

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in failed", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Api_without_a_token_is_401()
    {
        var response = await gateway.Anonymous().GetAsync("/api/provinces");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "orleans-training",
            Audience = "orleans-training-gateway",
            Claims = new Dictionary<string, object> { ["sub"] = "board", ["role"] = "board" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-that-the-gateway-never-saw-0123456789")), SecurityAlgorithms.HmacSha256),
        });
        var client = gateway.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        var response = await client.GetAsync("/api/provinces");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_the_demo_switched_off_no_demo_account_exists()
    {
        var response = await gateway.Anonymous().PostAsync("/api/auth/token", Json("{\"userName\": \"board\", \"password\": \"demo-2027\"}"));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
