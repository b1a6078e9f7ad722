using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;

namespace OrleansTraining.Gateway.Limits;

/// <summary>
/// A 429 for someone at a page (a browser's navigation or form post): a short page in their language with the wait and a
/// way back, instead of a problem document a browser would show as raw JSON. The limiter runs before the pages choose a
/// language, so the language cookie is read here the way the pages read it. The API keeps its problem answers.
/// </summary>
internal static class TooManyRequestsPage
{
    // Vietnamese letters as they are, not as numeric entities (the default encoder keeps only Basic Latin).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool Wanted(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && (request.HasFormContentType || request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true));

    public static async Task WriteAsync(HttpContext context, string seconds)
    {
        var culture = Culture(context.Request);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        string title, detail, back;
        try
        {
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
            (title, detail, back) = (text["TooManyRequestsTitle"], string.Format(culture, text["TooManyRequestsDetail"], seconds), text["TooManyRequestsBack"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var html = Html;
        // GET requests only come back here: the way back is the page itself, without the handler of the refused post.
        var page = html.Encode(context.Request.PathBase + context.Request.Path);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(title)}</title></head>
            <body>
            <main>
            <h1>{html.Encode(title)}</h1>
            <p role="alert">{html.Encode(detail)}</p>
            <p><a href="{page}">{html.Encode(back)}</a></p>
            </main>
            </body>
            </html>
            """);
    }

    private static CultureInfo Culture(HttpRequest request)
    {
        var chosen = request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
            ? CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value
            : null;
        return PageCultures.Supported.FirstOrDefault(c => string.Equals(c.Name, chosen, StringComparison.OrdinalIgnoreCase))
            ?? PageCultures.Supported[0];
    }
}
