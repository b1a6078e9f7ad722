using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>
/// A course: anyone signed in reads it (evaluation rows only the board, or a province its own trainees'); the board adds
/// field trips, marks materials sent, marks the course held, issues evaluation links, types in paper forms and closes
/// it; the board or the host province records attendance; provinces nominate, and edit or withdraw their nominees.
/// </summary>
public static class CourseEndpoints
{
    public static IEndpointRouteBuilder MapCourseEndpoints(this IEndpointRouteBuilder routes)
    {
        var courses = routes.MapGroup("/api/courses/{courseId}").WithTags("Courses")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        courses.MapGet("", GetAsync)
            .WithSummary("The course: host, dates, sessions; its trainees, attendance and evaluations as the caller may see them (a province its own, a lecturer none).");

        var board = courses.MapGroup("").RequireAuthorization(GatewayPolicies.Board).ProducesProblem(StatusCodes.Status403Forbidden);
        board.MapPost("/field-trips", AddFieldTripAsync).WithSummary("Adds a field trip of the course's class; each stop's province gets a hosting request.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPost("/materials-sent", MarkMaterialsSentAsync).WithSummary("Marks the course materials sent to trainees (default today).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPost("/held", MarkHeldAsync).WithSummary("Marks the course held: its host confirmed and its first day come.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPost("/evaluation-links", IssueEvaluationLinksAsync)
            .WithSummary("Issues each nominated trainee who has not evaluated a personal single-use link (GET/POST /api/evaluations/{token}); earlier unused links stop working.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPost("/evaluations", RecordPaperEvaluationAsync).WithSummary("Types in a paper evaluation form: every session rated on content, method and usefulness (1-5).")
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        board.MapPost("/close", CloseAsync).WithSummary("Closes a held course: attendance and evaluations freeze.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        courses.MapPost("/attendance", RecordAttendanceAsync).RequireAuthorization(GatewayPolicies.BoardOrProvince)
            .WithSummary("Who was present on one course day (the board or the course's host province).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var province = courses.MapGroup("").RequireAuthorization(GatewayPolicies.Province).ProducesProblem(StatusCodes.Status403Forbidden);
        province.MapPost("/nominations", NominateAsync).WithSummary("Nominates trainees of the caller's province, within its quota.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        province.MapPut("/nominations/{traineeId}", UpdateNomineeAsync).WithSummary("Corrects one of the province's own nominees, until the nomination deadline.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        province.MapDelete("/nominations/{traineeId}", WithdrawNomineeAsync).WithSummary("Withdraws one of the province's own nominees, until the nomination deadline.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<CourseView>> GetAsync(string courseId, ClaimsPrincipal user, IGrainFactory grains)
    {
        return TypedResults.Ok(CourseVisibility.For(await grains.GetGrain<ICourseGrain>(courseId).GetAsync(), user));
    }

    private static async Task<Ok<CourseView>> MarkHeldAsync(string courseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).MarkHeldAsync());

    private static async Task<Ok<CourseView>> CloseAsync(string courseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).CloseAsync());

    private static async Task<Ok<EvaluationLink[]>> IssueEvaluationLinksAsync(string courseId, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<ICourseGrain>(courseId).IssueEvaluationLinksAsync()).ToArray());

    private static async Task<Results<Ok<CourseView>, ValidationProblem>> RecordPaperEvaluationAsync(
        string courseId, EvaluationFormRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var ratings = EvaluationEndpoints.Ratings(request.Ratings, errors);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).RecordEvaluationAsync(new PaperEvaluation(request.TraineeId, ratings)));
    }

    private static async Task<Results<Ok<CourseView>, ValidationProblem>> RecordAttendanceAsync(
        string courseId, AttendanceRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors()
            .Check(request.Day is not null, "day", "'day' is required.")
            .Check(request.PresentTraineeIds is not null, "presentTraineeIds", "'presentTraineeIds' is required (empty when nobody came).");
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(CourseVisibility.For(await grains.GetGrain<ICourseGrain>(courseId).RecordAttendanceAsync(
            new DailyAttendance(request.Day!.Value, [.. request.PresentTraineeIds!]), user.IsBoard() ? null : user.ProvinceCode()), user));
    }

    private static async Task<Results<Ok<CourseView>, ValidationProblem>> UpdateNomineeAsync(
        string courseId, string traineeId, TraineeRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("fullName", request.FullName);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).UpdateNomineeAsync(
            traineeId, user.ProvinceCode()!, new Trainee(request.FullName, request.Position, request.Level, request.Unit)));
    }

    private static async Task<Ok<CourseView>> WithdrawNomineeAsync(string courseId, string traineeId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICourseGrain>(courseId).WithdrawNomineeAsync(traineeId, user.ProvinceCode()!));

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
            return ProblemResults.Forbidden("provinceCode", $"This account nominates for province '{ownProvince}' only.");
        }

        var errors = new FieldErrors().Check(request.Trainees.Count > 0, "trainees", "Nominate at least one trainee.");
        for (var i = 0; i < request.Trainees.Count; i++)
        {
            if (request.Trainees[i] is null)
            {
                errors.Add($"trainees[{i}]", "A trainee is required.");
                continue;
            }

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
