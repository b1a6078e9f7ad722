using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Calendar;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Endpoints;

/// <summary>
/// A lecturer's calendar feed: the lecturer creates, rotates and revokes its secret address; the address itself needs
/// no account (calendar applications cannot sign in) and answers 404 once rotated or revoked.
/// </summary>
public static class CalendarFeedEndpoints
{
    private const string EnglishQuery = "?lang=en";

    public static IEndpointRouteBuilder MapCalendarFeedEndpoints(this IEndpointRouteBuilder routes)
    {
        // HEAD too: some calendar applications check a subscription's address that way before reading it.
        routes.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], ReadAsync).AllowAnonymous().WithTags("Lecturers")
            .Produces<string>(StatusCodes.Status200OK, LecturerCalendarFeed.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A lecturer's sessions as an iCalendar feed (RFC 5545), at the secret address the lecturer created; in English with ?lang=en.");

        var feed = routes.MapGroup("/api/lecturers/{lecturerId}/calendar-feed").WithTags("Lecturers")
            .RequireAuthorization(GatewayPolicies.Lecturer).RequireOwnLecturer("lecturerId")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        feed.MapGet("", GetStatusAsync).WithSummary("Whether the lecturer's calendar feed is live, and since when.");
        feed.MapPost("", RotateAsync).WithSummary("Creates or rotates the calendar feed; the answer carries the new address, and the previous one stops working.");
        feed.MapDelete("", RevokeAsync).WithSummary("Revokes the calendar feed: its address answers 404.");
        return routes;
    }

    /// <summary>The feed's address as a calendar application subscribes to it; in English words with <c>?lang=en</c>.</summary>
    public static string Url(HttpRequest request, string token, bool english = false) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/calendar/{Uri.EscapeDataString(token)}.ics{(english ? EnglishQuery : "")}";

    private static async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> ReadAsync(
        string token, string? lang, IGrainFactory grains, IStringLocalizer<Text> text)
    {
        // A calendar application sends no cookie and no useful Accept-Language: the address carries the language.
        var english = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
        if (!english && lang is not null && !string.Equals(lang, "vi", StringComparison.OrdinalIgnoreCase))
        {
            return ProblemResults.Invalid(new Dictionary<string, string[]> { ["lang"] = ["The feed speaks 'vi' (the default) or 'en'."] });
        }

        if (!CalendarFeedToken.TryParse(token, out var lecturerId, out var secret))
        {
            return TypedResults.NotFound();
        }

        // The grain says whether the secret is live (NotFoundException -> 404 problem otherwise).
        var lecturer = await grains.GetGrain<ILecturerGrain>(lecturerId).ReadCalendarFeedAsync(secret);
        CultureInfo.CurrentUICulture = new CultureInfo(english ? PageCultures.English : PageCultures.Vietnamese);
        return TypedResults.Content(LecturerCalendarFeed.Build(lecturer, text), LecturerCalendarFeed.ContentType);
    }

    private static async Task<Ok<CalendarFeedStatus>> GetStatusAsync(string lecturerId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ILecturerGrain>(lecturerId).GetCalendarFeedStatusAsync());

    private static async Task<Ok<CalendarFeedAddress>> RotateAsync(string lecturerId, HttpRequest request, IGrainFactory grains)
    {
        var token = await grains.GetGrain<ILecturerGrain>(lecturerId).RotateCalendarFeedAsync();
        return TypedResults.Ok(new CalendarFeedAddress(Url(request, token.Token), Url(request, token.Token, english: true), token.CreatedAt));
    }

    private static async Task<NoContent> RevokeAsync(string lecturerId, IGrainFactory grains)
    {
        await grains.GetGrain<ILecturerGrain>(lecturerId).RevokeCalendarFeedAsync();
        return TypedResults.NoContent();
    }
}

/// <summary>The feed's secret address, shown once (only its hash is kept), and the same feed in English words.</summary>
public sealed record CalendarFeedAddress(string Url, string EnglishUrl, DateTimeOffset CreatedAt);
