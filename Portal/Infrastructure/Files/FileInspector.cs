using System.IO.Compression;
using System.Text;
using Portal.Domain.Common;

namespace Portal.Infrastructure.Files;

/// <summary>What an uploaded file really is: its content type from its first bytes, or the resource key that says why it is refused.</summary>
public sealed record FileInspection(string? ContentType, string? RefusalKey)
{
    public bool Accepted => RefusalKey is null;
}

/// <summary>
/// Checks an upload by its content, not by its name or the browser's claim: a renamed program (an "MZ" file called
/// report.pdf) is refused. Only the types an applicant needs for a budget or activity plan are allowed.
/// </summary>
public static class FileInspector
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxApplicationBytes = 25 * 1024 * 1024;

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Odt = "application/vnd.oasis.opendocument.text";

    /// <summary>The allowed extensions and the content type each must turn out to be.</summary>
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".docx"] = Docx,
        [".xlsx"] = Xlsx,
        [".odt"] = Odt,
    };

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04]; // "PK" 3 4

    /// <summary>For the file input's accept attribute: a hint to the browser's file chooser, never a check.</summary>
    public static string AcceptAttribute => string.Join(",", Allowed.Keys);

    public static FileInspection Inspect(string? fileName, byte[] content)
    {
        if (content.Length == 0) return Refuse("Attachment.Error.Empty");
        // The extension people see is the one that counts: invisible characters are not part of it.
        var extension = Path.GetExtension(UserText.WithoutInvisibleFormatting(fileName ?? ""));
        if (!Allowed.TryGetValue(extension, out var expected)) return Refuse("Attachment.Error.Type");
        var actual = Sniff(content);
        return actual == expected ? new FileInspection(actual, null) : Refuse("Attachment.Error.Content");
    }

    /// <summary>The content type the bytes show, or null when they are none of the allowed types.</summary>
    public static string? Sniff(byte[] content)
    {
        ReadOnlySpan<byte> head = content;
        if (head.StartsWith(Pdf)) return "application/pdf";
        if (head.StartsWith(Jpeg)) return "image/jpeg";
        if (head.StartsWith(Png)) return "image/png";
        if (head.StartsWith(Zip)) return SniffZip(content);
        return null;
    }

    /// <summary>docx, xlsx and odt are all ZIP files; what is inside tells them apart.</summary>
    private static string? SniffZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return Docx;
            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return Xlsx;
            if (zip.GetEntry("mimetype") is { } mimetype && mimetype.Length <= 200)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == Odt) return Odt;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not one
        }
    }

    /// <summary>
    /// The name to store and to offer on download: no folders, no control characters, no bidi overrides or zero-width
    /// characters (which make "evil\u202Egnp.pdf" read as "evilfdp.png"), at most 255 characters.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName(UserText.WithoutInvisibleFormatting(fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length == 0) name = "bestand";
        if (name.Length <= 255) return name;
        var extension = Path.GetExtension(name);
        return name[..(255 - extension.Length)] + extension;
    }

    private static FileInspection Refuse(string key) => new(null, key);
}
