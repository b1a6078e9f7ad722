using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>
/// Says a grain's refusal in the page's language: the grain decides (the same rules as the API), the page only
/// words it. A field or rule without a text of its own keeps the grain's message.
/// </summary>
public static class FieldMessages
{
    public static string For(IStringLocalizer<Text> text, DomainValidationException invalid) =>
        Localized(text, $"Invalid_{invalid.Field}") ?? invalid.Message;

    public static string For(IStringLocalizer<Text> text, ConflictException conflict) =>
        Localized(text, $"Rule_{conflict.Rule}") ?? conflict.Message;

    private static string? Localized(IStringLocalizer<Text> text, string key) =>
        text[key] is { ResourceNotFound: false } found ? found.Value : null;
}
