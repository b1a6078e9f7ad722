using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints.Requests;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>Provinces and their hosting requests: a province answers its own; the board follows them all.</summary>
public static class ProvinceEndpoints
{
    public static IEndpointRouteBuilder MapProvinceEndpoints(this IEndpointRouteBuilder routes)
    {
        var provinces = routes.MapGroup("/api/provinces").WithTags("Provinces").RequireAuthorization(GatewayPolicies.BoardOrProvince)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        provinces.MapGet("", ListAsync).WithSummary("The 34 provincial-level units with the older units they absorbed.");

        provinces.MapPut("/{code}/settings", ConfigureAsync).RequireOwnProvince("code", boardAllowed: true)
            .WithSummary("Declares the province's seats per room, rooms and unavailable dates; the planner respects them.")
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);

        provinces.MapGet("/{code}/trainees", ListTraineesAsync).RequireOwnProvince("code", boardAllowed: true)
            .WithSummary("The trainees the province nominated, course by course (a province reads only its own).");

        var requests = provinces.MapGroup("/{code}/hosting-requests").ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("", ListRequestsAsync).RequireOwnProvince("code", boardAllowed: true)
            .WithSummary("The province's hosting requests and their answers.");
        requests.MapGet("/{requestId}", GetRequestAsync).RequireOwnProvince("code", boardAllowed: true)
            .WithSummary("One hosting request: its answer and every change of its logistics with the previous values.");

        var answers = requests.MapGroup("/{requestId}").RequireAuthorization(GatewayPolicies.Province)
            .RequireOwnProvince("code", boardAllowed: false)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        answers.MapPost("/confirm", ConfirmAsync).WithSummary("Confirms hosting with venue, rooms, lodging, transport and contact.");
        answers.MapPost("/decline", DeclineAsync).WithSummary("Declines hosting with a reason; the course is proposed to another province.");
        answers.MapPut("/logistics", AmendLogisticsAsync)
            .WithSummary("Amends confirmed logistics before the course starts; the previous values are kept and the course gets the new ones.");
        return routes;
    }

    private static async Task<Ok<ImmutableArray<ProvinceView>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(ImmutableArray.Create(
            await Task.WhenAll(ProvinceDirectory.Codes.Select(code => grains.GetGrain<IProvinceGrain>(code).GetAsync()))));

    private static async Task<Ok<ImmutableArray<HostingRequestView>>> ListRequestsAsync(string code, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).GetHostingRequestsAsync());

    private static async Task<Results<Ok<ProvinceView>, ValidationProblem>> ConfigureAsync(
        string code, ProvinceSettingsRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors()
            .Check(request.Seats is not null, "seats", "'seats' is required.")
            .Check(request.Rooms is not null, "rooms", "'rooms' is required.");
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).ConfigureAsync(
            new ProvinceSettings(request.Seats!.Value, [.. request.UnavailableDates ?? []], request.Rooms!.Value, [.. request.BriefingTopics ?? []])));
    }

    private static async Task<Ok<ProvinceTrainee[]>> ListTraineesAsync(string code, IGrainFactory grains, string? cycleId = null)
    {
        var province = ProvinceDirectory.Get(code).Code;
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var courses = await Task.WhenAll(registry.CourseIds.Select(id => grains.GetGrain<ICourseGrain>(id).GetAsync()));
        return TypedResults.Ok(courses
            .Where(c => cycleId is null || c.CycleId == cycleId)
            .SelectMany(c => (c.Trainees.IsDefault ? [] : c.Trainees)
                .Where(t => t.ProvinceCode == province)
                .Select(t => new ProvinceTrainee(c.Id, c.CycleId, c.Title, t.TraineeId, t.Trainee, t.Attended)))
            .ToArray());
    }

    private static async Task<Ok<HostingRequestView>> GetRequestAsync(string code, string requestId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).GetHostingRequestAsync(requestId));

    private static async Task<Results<Ok<HostingRequestView>, ValidationProblem>> AmendLogisticsAsync(
        string code, string requestId, AmendLogisticsRequest request, IGrainFactory grains)
    {
        var logistics = new HostingConfirmation(request.Venue, request.Rooms, request.Lodging, request.Transport, request.Contact);
        if (InvalidLogistics(logistics) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).AmendLogisticsAsync(requestId, logistics, request.Reason));
    }

    private static async Task<Results<Ok<HostingRequestView>, ValidationProblem>> ConfirmAsync(
        string code, string requestId, ConfirmHostingRequest request, IGrainFactory grains)
    {
        var logistics = new HostingConfirmation(request.Venue, request.Rooms, request.Lodging, request.Transport, request.Contact);
        if (InvalidLogistics(logistics) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).ConfirmHostingAsync(requestId, logistics));
    }

    /// <summary>The fields a confirmation and an amendment both require, each named when missing.</summary>
    private static ValidationProblem? InvalidLogistics(HostingConfirmation logistics)
    {
        var errors = new FieldErrors()
            .RequireText("venue", logistics.Venue)
            .Check(logistics.Rooms > 0, "rooms", "'rooms' must be at least 1.")
            .RequireText("lodging", logistics.Lodging)
            .RequireText("transport", logistics.Transport)
            .RequireText("contact", logistics.Contact);
        return errors.Any ? ProblemResults.Invalid(errors.ToDictionary()) : null;
    }

    private static async Task<Results<Ok<HostingRequestView>, ValidationProblem>> DeclineAsync(
        string code, string requestId, DeclineRequest request, IGrainFactory grains)
    {
        var errors = new FieldErrors().RequireText("reason", request.Reason);
        if (errors.Any)
        {
            return ProblemResults.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IProvinceGrain>(code).DeclineHostingAsync(requestId, new HostingDecline(request.Reason)));
    }
}

/// <summary>A trainee the province nominated, with the course they were nominated to.</summary>
public sealed record ProvinceTrainee(string CourseId, string CycleId, string CourseTitle, string TraineeId, Trainee Trainee, bool? Attended);
