using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// A province reads a course with its own nominees only: other provinces' trainees are personal data it has no business
/// with. The board sees every trainee. (What lecturers see is theirs to decide: they are left as they were.)
/// </summary>
public sealed class OwnTraineesFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (context.HttpContext.User.ProvinceCode() is not { } own || result is not Ok<CourseView> { Value: { } course })
        {
            return result;
        }

        return TypedResults.Ok(course with
        {
            Trainees = [.. (course.Trainees.IsDefault ? [] : course.Trainees).Where(t => string.Equals(t.ProvinceCode, own, StringComparison.OrdinalIgnoreCase))],
        });
    }
}
