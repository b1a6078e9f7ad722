using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>
/// Vietnamese first, English on request. Only the language cookie chooses: a browser's Accept-Language would turn
/// the pages English for most visitors, which a Vietnamese-first system must not do.
/// </summary>
public static class PageCultures
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new(Vietnamese), new(English)];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [.. Supported],
            SupportedUICultures = [.. Supported],
        };
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The value for the language cookie; null for a language the pages do not speak.</summary>
    public static string? CookieValue(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)) is { } known
            ? CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(known))
            : null;
}
