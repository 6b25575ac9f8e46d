using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Portal.TestSupport;

/// <summary>
/// A tiny text extractor, independent of how the letter was written: it reads each page's content stream, takes every
/// string shown (Tj, TJ) and maps its glyph ids back to characters through the font's ToUnicode map — what a PDF reader's
/// "copy text" and a screen reader get. One string shown is one line of the result.
/// </summary>
public static partial class PdfText
{
    public static IReadOnlyList<string> Lines(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var lines = new List<string>();
        foreach (var page in document.Pages)
        {
            var maps = FontMaps(page);
            Dictionary<int, string>? font = null;
            foreach (var op in Operators(ContentReader.ReadContent(page)))
            {
                switch (op.OpCode.OpCodeName)
                {
                    case OpCodeName.Tf when op.Operands.Count > 0 && op.Operands[0] is CName name:
                        font = maps.GetValueOrDefault(name.Name);
                        break;
                    case OpCodeName.Tj when op.Operands.Count > 0 && op.Operands[0] is CString text:
                        lines.Add(Decode(text, font));
                        break;
                    case OpCodeName.TJ when op.Operands.Count > 0 && op.Operands[0] is CArray array:
                        lines.Add(string.Concat(array.OfType<CString>().Select(s => Decode(s, font))));
                        break;
                }
            }
        }
        return lines;
    }

    /// <summary>All text as one string, lines joined by spaces (Dutch sentences may wrap).</summary>
    public static string Joined(byte[] pdf) => string.Join(" ", Lines(pdf));

    /// <summary>
    /// A right-to-left line as it is read: the drawn (visual) order reversed and the presentation forms folded back to
    /// letters (NFKC) — the opposite of what the letter's layout did, done the plain way.
    /// </summary>
    public static string ReadRightToLeft(string line)
    {
        var reversed = line.ToCharArray();
        Array.Reverse(reversed);
        return new string(reversed).Normalize(NormalizationForm.FormKC);
    }

    private static IEnumerable<COperator> Operators(CObject content)
    {
        switch (content)
        {
            case COperator op:
                yield return op;
                break;
            case CSequence sequence:
                foreach (var item in sequence)
                foreach (var inner in Operators(item))
                    yield return inner;
                break;
        }
    }

    private static string Decode(CString text, Dictionary<int, string>? map)
    {
        var bytes = text.Value.Select(c => (byte)c).ToArray();
        if (map is null) return Encoding.Latin1.GetString(bytes);
        var result = new StringBuilder();
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var glyph = bytes[i] << 8 | bytes[i + 1];
            result.Append(map.TryGetValue(glyph, out var chars) ? chars : "\uFFFD");
        }
        return result.ToString();
    }

    /// <summary>Each font of the page by its resource name, with its ToUnicode map (glyph id to characters).</summary>
    private static Dictionary<string, Dictionary<int, string>> FontMaps(PdfPage page)
    {
        var maps = new Dictionary<string, Dictionary<int, string>>();
        var fonts = page.Resources.Elements.GetDictionary("/Font");
        if (fonts is null) return maps;
        foreach (var name in fonts.Elements.Keys)
        {
            var font = fonts.Elements.GetDictionary(name);
            var toUnicode = (font?.Elements.GetValue("/ToUnicode") as PdfReference)?.Value as PdfDictionary
                ?? font?.Elements.GetDictionary("/ToUnicode");
            if (toUnicode?.Stream is not { } cmap) continue;
            var source = Encoding.Latin1.GetString(cmap.UnfilteredValue);
            var map = new Dictionary<int, string>();
            foreach (Match block in BfChar().Matches(source))
            foreach (Match pair in HexPair().Matches(block.Groups[1].Value))
                map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
            foreach (Match block in BfRange().Matches(source))
            foreach (Match range in HexRange().Matches(block.Groups[1].Value))
            {
                var (low, high, start) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
                for (var g = low; g <= high; g++) map[g] = char.ConvertFromUtf32(start + g - low);
            }
            maps[name] = map;
        }
        return maps;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) =>
        new(Enumerable.Range(0, hex.Length / 4).Select(i => (char)Hex(hex.Substring(i * 4, 4))).ToArray());

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexRange();
}
