namespace OrleansTraining.Gateway.Idempotency;

public static class IdempotencySetup
{
    /// <summary>After authentication (keys are per account) and after the limits (a refused request claims nothing).</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}
