using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
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
    private const string WordMainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMainPart = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const int MaxContentTypesBytes = 64 * 1024;
    private static readonly XNamespace ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

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

    /// <summary>
    /// docx, xlsx and odt are all ZIP files; what is inside tells them apart. An Office file says what it is in
    /// [Content_Types].xml: the content type of its main part (a Word document, not a template or a document with
    /// macros) and where that part is, which must then be there. An OpenDocument text says so in "mimetype" and has
    /// its content in content.xml. A ZIP that merely has a folder named "word/" is none of these.
    /// </summary>
    private static string? SniffZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (OfficeMainPart(zip) is { } main && names.Contains(main.PartName))
                return main.ContentType == WordMainPart ? Docx : Xlsx;
            if (zip.GetEntry("mimetype") is { } mimetype && mimetype.Length <= 200 && names.Contains("content.xml"))
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
    /// The main part of a Word document or Excel workbook that [Content_Types].xml names, as a ZIP entry name; null when
    /// it names none (a template, a document with macros, anything else) or the file is not plain XML.
    /// </summary>
    private static (string PartName, string ContentType)? OfficeMainPart(ZipArchive zip)
    {
        if (zip.GetEntry("[Content_Types].xml") is not { } entry || entry.Length > MaxContentTypesBytes) return null;
        // No DTD, no external entities: the file comes from a stranger.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxContentTypesBytes };
        try
        {
            using var reader = XmlReader.Create(entry.Open(), settings);
            var types = XDocument.Load(reader).Root;
            if (types?.Name != ContentTypesNamespace + "Types") return null;
            var main = types.Elements(ContentTypesNamespace + "Override")
                .Select(o => (PartName: (string?)o.Attribute("PartName"), ContentType: (string?)o.Attribute("ContentType")))
                .FirstOrDefault(o => o.ContentType is WordMainPart or ExcelMainPart && o.PartName?.StartsWith('/') == true);
            if (main.PartName is null) return null;
            // Part names are URIs relative to the package root: "/word/document.xml" is the entry "word/document.xml".
            return (Uri.UnescapeDataString(main.PartName[1..]), main.ContentType!);
        }
        catch (XmlException)
        {
            return null;
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
