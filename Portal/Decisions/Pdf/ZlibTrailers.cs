using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Decisions.Pdf;

/// <summary>
/// Completes PDFsharp's compressed streams. PDFsharp 6.2.4 writes a FlateDecode stream as the zlib header and the deflate
/// data but leaves out the Adler-32 checksum that a zlib stream ends with (RFC 1950). Browsers and Acrobat do not mind;
/// strict readers do (Ghostscript warns "incorrect data check", qpdf and PDF/A validators report damage) — and a decision
/// letter is kept as the record of what was sent. This adds the checksum to each such stream, corrects its /Length and
/// writes the cross-reference table anew for the objects that moved. It reads only the layout PDFsharp writes (objects one
/// after another, direct lengths, a classic cross-reference table) and refuses anything else rather than guess.
/// </summary>
public static partial class ZlibTrailers
{
    public static byte[] Complete(byte[] pdf)
    {
        // Latin-1 maps every byte to one char and back, so offsets in the text are offsets in the file.
        var text = Encoding.Latin1.GetString(pdf);
        var xref = text.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1;
        var trailer = text.IndexOf("trailer", xref, StringComparison.Ordinal);
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (xref <= 0 || trailer < 0 || startXref < trailer) throw new InvalidDataException("Not the PDF layout PDFsharp writes: no cross-reference table.");

        using var output = new MemoryStream(pdf.Length + 512);
        var offsets = new SortedDictionary<int, long>();
        var first = ObjectHeader().Match(text);
        if (!first.Success) throw new InvalidDataException("No object found.");
        output.Write(pdf, 0, first.Index);
        var position = first.Index;
        while (position < xref)
        {
            var header = ObjectHeader().Match(text, position);
            if (!header.Success || header.Index != position) throw new InvalidDataException($"Expected an object at byte {position}.");
            offsets[int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture)] = output.Position;
            var end = text.IndexOf("endobj\n", position, StringComparison.Ordinal);
            var stream = text.IndexOf(">>\nstream\n", position, StringComparison.Ordinal);
            if (stream < 0 || stream > end)
            {
                output.Write(pdf, position, end + "endobj\n".Length - position);
                position = end + "endobj\n".Length;
                continue;
            }
            var dictionary = text[position..(stream + 2)];
            var length = DirectLength().Match(dictionary);
            if (!length.Success) throw new InvalidDataException($"A stream at byte {position} has no direct /Length.");
            var dataStart = stream + ">>\nstream\n".Length;
            var data = pdf.AsSpan(dataStart, int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture));
            const string closing = "\nendstream\nendobj\n";
            if (string.CompareOrdinal(text, dataStart + data.Length, closing, 0, closing.Length) != 0)
                throw new InvalidDataException($"The stream at byte {position} does not end where its /Length says.");
            var completed = dictionary.Contains("/Filter/FlateDecode", StringComparison.Ordinal) ? WithChecksum(data) : data.ToArray();
            var newDictionary = dictionary[..length.Index] + $"/Length {completed.Length}" + dictionary[(length.Index + length.Length)..];
            output.Write(Encoding.Latin1.GetBytes(newDictionary + "\nstream\n"));
            output.Write(completed);
            output.Write(Encoding.Latin1.GetBytes(closing));
            position = dataStart + data.Length + closing.Length;
        }

        var table = new StringBuilder();
        var size = offsets.Keys.Max() + 1;
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
        for (var number = 1; number < size; number++)
            table.Append(offsets.TryGetValue(number, out var at) ? $"{at:D10} 00000 n \n" : "0000000000 65535 f \n");
        var newXref = output.Position;
        output.Write(Encoding.Latin1.GetBytes(table.ToString()));
        output.Write(pdf, trailer, startXref - trailer);
        output.Write(Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n")));
        return output.ToArray();
    }

    /// <summary>The zlib stream with its Adler-32 at the end (as it was, when it already has one).</summary>
    private static byte[] WithChecksum(ReadOnlySpan<byte> zlib)
    {
        if (zlib.Length < 2 || (zlib[0] & 0x0F) != 8) throw new InvalidDataException("A FlateDecode stream without a zlib header.");
        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(new MemoryStream(zlib[2..].ToArray()), CompressionMode.Decompress)) deflate.CopyTo(inflated);
        var checksum = Adler32(inflated.GetBuffer().AsSpan(0, (int)inflated.Length));
        Span<byte> trailer = [(byte)(checksum >> 24), (byte)(checksum >> 16), (byte)(checksum >> 8), (byte)checksum];
        return zlib.EndsWith(trailer) ? zlib.ToArray() : [.. zlib, .. trailer];
    }

    /// <summary>The Adler-32 checksum of RFC 1950.</summary>
    public static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        // 5552 bytes is the most that can be added before the sums could overflow 32 bits (RFC 1950).
        for (var start = 0; start < data.Length; start += 5552)
        {
            foreach (var value in data.Slice(start, Math.Min(5552, data.Length - start)))
            {
                a += value;
                b += a;
            }
            a %= Modulus;
            b %= Modulus;
        }
        return (b << 16) | a;
    }

    [GeneratedRegex(@"(\d+) 0 obj\n")]
    private static partial Regex ObjectHeader();

    /// <summary>"/Length 1939" but not "/Length1 708920" (a font's own length) nor "/Length 5 0 R" (indirect).</summary>
    [GeneratedRegex(@"/Length (\d+)(?! \d+ R)(?=[/>])")]
    private static partial Regex DirectLength();
}
