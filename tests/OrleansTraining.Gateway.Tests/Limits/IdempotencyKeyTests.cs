using Microsoft.AspNetCore.Http;
using OrleansTraining.Gateway.Idempotency;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>Which keys are accepted (an empty one cannot be sent through HttpClient, so it is checked here).</summary>
public sealed class IdempotencyKeyTests
{
    private static HttpRequest Request(params string[] keys)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/cycles";
        context.Request.Headers[IdempotencyKey.Header] = keys;
        return context.Request;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bell\u0007")]
    public void An_empty_blank_or_control_character_key_is_refused(string key)
    {
        var (accepted, error) = IdempotencyKey.Read(Request(key));

        Assert.Null(accepted);
        Assert.Contains(IdempotencyKey.Header, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_keys_are_refused_and_one_of_255_characters_is_accepted()
    {
        Assert.Null(IdempotencyKey.Read(Request("a", "b")).Key);
        Assert.Equal(new string('k', 255), IdempotencyKey.Read(Request(new string('k', 255))).Key);
    }

    [Fact]
    public void Sign_in_and_reads_are_left_alone()
    {
        var signIn = Request("k");
        signIn.Path = "/api/auth/token";
        var read = Request("k");
        read.Method = HttpMethods.Get;

        Assert.True(IdempotencyKey.AppliesTo(Request("k")));
        Assert.False(IdempotencyKey.AppliesTo(signIn));
        Assert.False(IdempotencyKey.AppliesTo(read));
    }
}
