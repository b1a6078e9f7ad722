namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// An id in the path that is blank, holds control characters or is absurdly long can name nothing: it is answered as a
/// 400 naming the route parameter before it reaches a grain (Orleans refuses such keys with an exception of its own).
/// </summary>
public static class RouteIdCheck
{
    private const int MaxLength = 200;

    public static IApplicationBuilder UseRouteIdCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/calendar"))
        {
            foreach (var (name, value) in context.Request.RouteValues)
            {
                if (value is string id && !IsPlausible(id))
                {
                    await ProblemResults.Invalid(new Dictionary<string, string[]>
                    {
                        [name] = [$"'{name}' must be a non-blank id of at most {MaxLength} characters without control characters."],
                    }).ExecuteAsync(context);
                    return;
                }
            }
        }

        await next(context);
    });

    private static bool IsPlausible(string id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && !id.Any(char.IsControl);
}
