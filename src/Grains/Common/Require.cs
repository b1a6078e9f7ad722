using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace OrleansTraining.Grains.Common;

/// <summary>Input checks that throw <see cref="DomainValidationException"/> naming the field.</summary>
internal static partial class Require
{
    /// <summary>A missing request body or object field is bad input (400), never a NullReferenceException (500).</summary>
    public static void Present([NotNull] object? value, string field)
    {
        if (value is null)
        {
            throw new DomainValidationException(field, $"'{field}' is required.");
        }
    }

    public static string Text(string? value, string field, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException(field, $"'{field}' is required.");
        }

        if (value.Length > maxLength)
        {
            throw new DomainValidationException(field, $"'{field}' is longer than {maxLength} characters.");
        }

        return value.Trim();
    }

    public static int Range(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            throw new DomainValidationException(field, $"'{field}' must be between {min} and {max}.");
        }

        return value;
    }

    public static void Order(DateOnly start, DateOnly end, string endField = "end")
    {
        if (end < start)
        {
            throw new DomainValidationException(endField, $"'{endField}' ({end:yyyy-MM-dd}) is before the start ({start:yyyy-MM-dd}).");
        }
    }

    public static string Slug(string? value, string field)
    {
        var text = Text(value, field, 100);
        if (!SlugPattern().IsMatch(text))
        {
            throw new DomainValidationException(field, $"'{field}' must be lower-case letters, digits and dashes.");
        }

        return text;
    }

    public static void Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainValidationException(field, $"'{field}' has an unknown value '{value}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
