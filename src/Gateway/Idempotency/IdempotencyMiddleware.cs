using Microsoft.AspNetCore.Mvc;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Idempotency;

namespace OrleansTraining.Gateway.Idempotency;

/// <summary>
/// Applies an API write that carries an Idempotency-Key once: the key is claimed in its grain first (any node sees the
/// same grain), the answer recorded, and a retry with the same key and the same request gets that answer again, marked
/// <c>Idempotent-Replayed: true</c>. The same key with another request is a 422, one still running a 409. Answers below
/// 500 are recorded, domain refusals included (they are turned into their problem here, not in the outer handler);
/// a failure of ours (5xx), a rate limit or a concurrent-update conflict releases the key so the retry runs again.
/// </summary>
public sealed partial class IdempotencyMiddleware(
    RequestDelegate next, IGrainFactory grains, ILogger<IdempotencyMiddleware> logger)
{
    public const string MismatchRule = "idempotency-key-reused";
    public const string InProgressRule = "idempotency-key-in-progress";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IdempotencyKey.AppliesTo(context.Request))
        {
            await next(context);
            return;
        }

        var (key, error) = IdempotencyKey.Read(context.Request);
        if (key is null)
        {
            await ProblemResults.Invalid(new Dictionary<string, string[]> { [IdempotencyKey.Header] = [error!] }).ExecuteAsync(context);
            return;
        }

        var hash = await RequestHash.ComputeAsync(context.Request, context.RequestAborted);
        var grain = grains.GetGrain<IIdempotencyGrain>(IdempotencyKey.GrainKey(context, key));
        var claim = await grain.ClaimAsync(hash);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                LogReplayed(logger, context.Request.Method, context.Request.Path);
                await ReplayAsync(context, claim.Answer!);
                return;
            case IdempotencyOutcome.Mismatch:
                var mismatch = DomainProblemMap.Unprocessable(
                    IdempotencyKey.Header, $"This '{IdempotencyKey.Header}' was used for another request; a retry must repeat the method, path and body exactly, and a new request needs a new key.");
                mismatch.Type = DomainProblemMap.RuleTypePrefix + MismatchRule;
                await WriteProblemAsync(context, mismatch);
                return;
            case IdempotencyOutcome.InProgress:
                var running = DomainProblemMap.Problem(
                    StatusCodes.Status409Conflict, $"Rule broken: {InProgressRule}", $"A request with this '{IdempotencyKey.Header}' is still running; retry once it has answered.");
                running.Type = DomainProblemMap.RuleTypePrefix + InProgressRule;
                running.Extensions["rule"] = InProgressRule;
                await WriteProblemAsync(context, running);
                return;
        }

        await RunAndRecordAsync(context, grain, hash);
    }

    private async Task RunAndRecordAsync(HttpContext context, IIdempotencyGrain grain, string hash)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            // A refusal arrives here as its problem answer already (RefusalMiddleware runs inside this one).
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await ReleaseAsync(grain, hash);
            throw;
        }

        context.Response.Body = original;
        var status = context.Response.StatusCode;
        if (status < StatusCodes.Status500InternalServerError && status != StatusCodes.Status429TooManyRequests)
        {
            await CompleteAsync(grain, hash, new StoredAnswer(status, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray()));
        }
        else
        {
            await ReleaseAsync(grain, hash);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType;
        }

        if (answer.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        context.Response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
    }

    private static async Task WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>The answer goes out even when it cannot be recorded; the key then stays claimed until its claim times out.</summary>
    private async Task CompleteAsync(IIdempotencyGrain grain, string hash, StoredAnswer answer)
    {
        try
        {
            await grain.CompleteAsync(hash, answer);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogNotRecorded(logger, exception);
        }
    }

    private async Task ReleaseAsync(IIdempotencyGrain grain, string hash)
    {
        try
        {
            await grain.ReleaseAsync(hash);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogNotRecorded(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the recorded answer of {Method} {Path} for its Idempotency-Key")]
    private static partial void LogReplayed(ILogger logger, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the end of a request with an Idempotency-Key; the key stays claimed until its claim times out")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception);
}
