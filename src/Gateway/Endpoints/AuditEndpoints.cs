using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>
/// The audit trail of a cycle, course, province, lecturer or field trip, for the board: each state change with when,
/// who, the request id, the grain method and each changed field before and after, newest first, a page at a time.
/// </summary>
public static class AuditEndpoints
{
    public const int DefaultPageSize = 20;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(GatewayPolicies.Board)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        audit.MapGet("/cycles/{cycleId}", (string cycleId, int? page, int? pageSize, IGrainFactory grains) =>
            PageAsync(grains.GetGrain<ICycleGrain>(cycleId), page, pageSize)).WithSummary("The cycle's audit trail (?page=1&pageSize=20, at most 100).");
        audit.MapGet("/courses/{courseId}", (string courseId, int? page, int? pageSize, IGrainFactory grains) =>
            PageAsync(grains.GetGrain<ICourseGrain>(courseId), page, pageSize)).WithSummary("The course's audit trail.");
        audit.MapGet("/provinces/{code}", (string code, int? page, int? pageSize, IGrainFactory grains) =>
            PageAsync(grains.GetGrain<IProvinceGrain>(code), page, pageSize)).WithSummary("The province's audit trail (empty until it first changes).");
        audit.MapGet("/lecturers/{lecturerId}", (string lecturerId, int? page, int? pageSize, IGrainFactory grains) =>
            PageAsync(grains.GetGrain<ILecturerGrain>(lecturerId), page, pageSize)).WithSummary("The lecturer's audit trail.");
        audit.MapGet("/field-trips/{tripId}", (string tripId, int? page, int? pageSize, IGrainFactory grains) =>
            PageAsync(grains.GetGrain<IFieldTripGrain>(tripId), page, pageSize)).WithSummary("The field trip's audit trail.");
        return routes;
    }

    private static async Task<Ok<AuditPage>> PageAsync(IAddressable grain, int? page, int? pageSize) =>
        TypedResults.Ok(await grain.AsReference<IAuditedGrain>().GetAuditAsync(page ?? 1, pageSize ?? DefaultPageSize));
}
