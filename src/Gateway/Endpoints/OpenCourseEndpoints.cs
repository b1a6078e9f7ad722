using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>The courses open for a province's nominations (published, before their nomination deadline), with its own nominees.</summary>
public static class OpenCourseEndpoints
{
    public static IEndpointRouteBuilder MapOpenCourseEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/provinces/{code}/open-courses", ListAsync).WithTags("Provinces")
            .RequireAuthorization(GatewayPolicies.BoardOrProvince)
            .RequireOwnProvince("code", boardAllowed: true)
            .WithSummary("Courses the province may nominate to now: audience, quota, places left, deadline and its own nominees.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<Ok<OpenCourse[]>> ListAsync(string code, IGrainFactory grains)
    {
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var courses = await Task.WhenAll(registry.CourseIds.Select(id => grains.GetGrain<ICourseGrain>(id).GetAsync()));
        return TypedResults.Ok(courses
            .Where(c => c.NominationsOpen)
            .OrderBy(c => c.Start)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new OpenCourse(
                c.Id,
                c.CycleId,
                c.Title,
                c.HostProvince,
                c.Start,
                c.End,
                c.Audience,
                c.QuotaPerProvince,
                c.Capacity - c.Trainees.Length,
                c.NominationsCloseAt,
                [.. c.Trainees.Where(t => string.Equals(t.ProvinceCode, code, StringComparison.OrdinalIgnoreCase))]))
            .ToArray());
    }
}
