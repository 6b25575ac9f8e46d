using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Decisions;

/// <summary>Reads a PDF's layout as a strict reader does: its compressed streams (by their /Length) and its cross-reference table.</summary>
public static partial class PdfStructure
{
    /// <summary>The bytes of every stream whose filter is FlateDecode, exactly /Length long.</summary>
    public static IReadOnlyList<byte[]> FlateStreams(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        return [.. Stream().Matches(text).Where(m => m.Groups["dict"].Value.Contains("/FlateDecode", StringComparison.Ordinal)).Select(m =>
            pdf.AsSpan(m.Index + m.Length, int.Parse(Length().Match(m.Groups["dict"].Value).Groups[1].Value, CultureInfo.InvariantCulture)).ToArray())];
    }

    /// <summary>What a zlib stream holds (its deflate data after the two-byte header).</summary>
    public static byte[] Inflate(byte[] zlib)
    {
        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(new MemoryStream(zlib, 2, zlib.Length - 2), CompressionMode.Decompress)) deflate.CopyTo(inflated);
        return inflated.ToArray();
    }

    /// <summary>The last four bytes of a zlib stream read as its Adler-32 (big-endian).</summary>
    public static uint Trailer(byte[] zlib) =>
        (uint)(zlib[^4] << 24 | zlib[^3] << 16 | zlib[^2] << 8 | zlib[^1]);

    /// <summary>The objects in use that the cross-reference table lists, with their offsets.</summary>
    public static IReadOnlyList<(int Number, long Offset)> CrossReferences(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var table = text[(text.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 6)..text.LastIndexOf("trailer", StringComparison.Ordinal)];
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var first = int.Parse(lines[0].Split(' ')[0], CultureInfo.InvariantCulture);
        return [.. lines.Skip(1).Select((line, i) => (Number: first + i, Line: line)).Where(e => e.Line.EndsWith(" n ", StringComparison.Ordinal))
            .Select(e => (e.Number, long.Parse(e.Line[..10], CultureInfo.InvariantCulture)))];
    }

    /// <summary>Where the file says its cross-reference table starts.</summary>
    public static int StartXref(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        return int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The fonts the PDF carries, as their /BaseFont names ("ABCDEF+DejaVu#20Sans").</summary>
    public static IReadOnlyList<string> FontNames(byte[] pdf) =>
        [.. BaseFont().Matches(Encoding.Latin1.GetString(pdf)).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex(@"/BaseFont/([^/>\s]+)")]
    private static partial Regex BaseFont();

    [GeneratedRegex(@"<<(?<dict>(?:(?!>>\nstream\n)[^\n])*)>>\nstream\n")]
    private static partial Regex Stream();

    [GeneratedRegex(@"/Length (\d+)(?=[/>]|$)")]
    private static partial Regex Length();
}
