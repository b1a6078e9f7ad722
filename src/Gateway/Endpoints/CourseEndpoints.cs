using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>A course: anyone signed in reads it; the board adds field trips and marks materials sent; provinces nominate.</summary>
public static class CourseEndpoints
{
    public static IEndpointRouteBuilder MapCourseEndpoints(this IEndpointRouteBuilder routes)
    {
        var courses = routes.MapGroup("/api/courses/{courseId}").WithTags("Courses")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        courses.MapGet("", GetAsync).WithSummary("The course: host, dates, sessions, nominations, materials, evaluations.")
            .AddEndpointFilter(new OwnTraineesFilter());

        var board = courses.MapGroup("").RequireAuthorization(GatewayPolicies.Board).ProducesProblem(StatusCodes.Status403Forbidden);
        board.MapPost("/field-trips", AddFieldTripAsync).WithSummary("Adds a field trip of the course's class; each stop's province gets a hosting request.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPost("/materials-sent", MarkMaterialsSentAsync).WithSummary("Marks the course materials sent to trainees (default today).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var province = courses.MapGroup("").RequireAuthorization(GatewayPolicies.Province).ProducesProblem(StatusCodes.Status403Forbidden);
        province.MapPost("/nominations", NominateAsync).WithSummary("Nominates trainees of the caller's province, within its quota.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<CourseView>> GetAsync(string courseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).GetAsync());

    private static async Task<Results<Created<FieldTripView>, ValidationProblem>> AddFieldTripAsync(
        string courseId, CreateFieldTripRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors()
            .RequireText("className", request.ClassName)
            .Check(request.Stops.Count > 0, "stops", "A field trip needs at least one stop.");
        for (var i = 0; i < request.Stops.Count; i++)
        {
            errors.RequireText($"stops[{i}].provinceCode", request.Stops[i].ProvinceCode);
        }

        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        var trip = await grains.GetGrain<ICourseGrain>(courseId).AddFieldTripAsync(new NewFieldTrip(
            request.ClassName,
            request.TripNumber,
            request.TripCount,
            [.. request.Stops.Select(s => new FieldTripStopDraft(s.ProvinceCode, s.Place, s.Start, s.End, [.. s.BriefingTopics], s.Sessions))],
            request.ParticipantCount,
            request.ParticipantProvinceCount,
            [.. request.CoOrganisers ?? []],
            request.Historical));
        return TypedResults.Created($"/api/field-trips/{trip.Id}", trip);
    }

    private static async Task<Ok<CourseView>> MarkMaterialsSentAsync(string courseId, MaterialsSentRequest? request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).MarkMaterialsSentAsync(request?.SentOn));

    private static async Task<Results<Ok<CourseView>, ValidationProblem, ProblemHttpResult>> NominateAsync(
        string courseId, NominationsRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var ownProvince = user.ProvinceCode()!;
        // Old records name units absorbed in 2025: "Sóc Trăng" is Cần Thơ's own name too.
        if (request.ProvinceCode is { } named && !user.ActsFor(ProvinceDirectory.Resolve(named)?.Code ?? named))
        {
            return ProblemResults.Forbidden($"This account nominates for province '{ownProvince}' only.");
        }

        var errors = new FieldErrors().Check(request.Trainees.Count > 0, "trainees", "Nominate at least one trainee.");
        for (var i = 0; i < request.Trainees.Count; i++)
        {
            errors.RequireText($"trainees[{i}].fullName", request.Trainees[i].FullName);
        }

        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).NominateAsync(new NominationRequest(
            ownProvince, [.. request.Trainees.Select(t => new Trainee(t.FullName, t.Position, t.Level, t.Unit))])));
    }
}
