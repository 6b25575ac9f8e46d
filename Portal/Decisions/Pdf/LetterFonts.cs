using System.Reflection;
using PdfSharp.Fonts;

namespace Portal.Decisions.Pdf;

/// <summary>
/// The fonts of the letter's PDF, from the portal itself (Portal/Fonts, with their licence): a server has no fonts to rely
/// on, and CI has only what the repository brings. DejaVu Sans covers Latin and Arabic (with the presentation forms the
/// shaping draws); its bold face has no Arabic, so Arabic text is always set in the regular face. Ethiopic (Tigrinya, typed
/// by a group or in a summary) is not in DejaVu: runs of it are set in Noto Sans Ethiopic (docs/decisions/0019).
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    public const string EthiopicFamily = "Noto Sans Ethiopic";
    private const string EthiopicRegular = "NotoSansEthiopic";
    private const string EthiopicBold = "NotoSansEthiopic-Bold";

    private static readonly Lock Gate = new();
    private static bool installed;

    /// <summary>PDFsharp takes one font resolver per process, set before any font is used.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed) return;
            GlobalFontSettings.FontResolver ??= new LetterFonts();
            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? Bold : Regular)
        : string.Equals(familyName, EthiopicFamily, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? EthiopicBold : EthiopicRegular)
        : null;

    /// <summary>Letters of the Ethiopic script (Ge'ez: Tigrinya, Amharic), which DejaVu Sans does not have.</summary>
    public static bool IsEthiopic(char c) => c is >= '\u1200' and <= '\u139F' or >= '\u2D80' and <= '\u2DDF' or >= '\uAB00' and <= '\uAB2F';

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"fonts/{faceName}.ttf");
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
