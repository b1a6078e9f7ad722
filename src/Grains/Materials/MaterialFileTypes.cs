using System.Text;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Materials;

/// <summary>
/// The kinds of file a course's materials may be, each checked by its name and by its first bytes, so a renamed
/// executable or a broken upload is refused before it is stored.
/// </summary>
public static class MaterialFileTypes
{
    /// <summary>10 MB: a lecture's slides or a reading; larger files belong on the board's own file share.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, (string ContentType, byte[]? Magic)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Zip),
        [".odp"] = ("application/vnd.oasis.opendocument.presentation", Zip),
        [".doc"] = ("application/msword", Ole),
        [".ppt"] = ("application/vnd.ms-powerpoint", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
        [".txt"] = ("text/plain; charset=utf-8", null),
    };

    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;

    /// <summary>The file's content type; a <see cref="DomainValidationException"/> on "file" when it is empty, too big or not what its name says.</summary>
    public static string Check(string fileName, byte[]? content)
    {
        if (content is null || content.Length == 0)
        {
            throw new DomainValidationException("file", "The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw new DomainValidationException("file", $"The file has {content.Length:N0} bytes; at most {MaxBytes:N0} are kept.");
        }

        var extension = Path.GetExtension(fileName);
        if (!ByExtension.TryGetValue(extension, out var type))
        {
            throw new DomainValidationException("file", $"'{extension}' files are not taken; use one of {string.Join(", ", ByExtension.Keys)}.");
        }

        var matches = type.Magic is null ? IsText(content) : content.AsSpan().StartsWith(type.Magic);
        return matches ? type.ContentType : throw new DomainValidationException("file", $"The file's content is not a {extension} file.");
    }

    private static bool IsText(byte[] content)
    {
        if (content.Contains((byte)0))
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
