using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Domain.Common;

namespace Portal.Decisions.Pdf;

/// <summary>
/// Sets a <see cref="DecisionLetter"/> on A4 pages with PDFsharp: the same words as the page, in the same order — the Dutch
/// letter with the summary in the applicant's language after its opening, and on every page the letter's title and page
/// number. Arabic is shaped and ordered here (<see cref="ArabicShaping"/>), because PDFsharp draws characters as given.
/// </summary>
public static class LetterPdf
{
    private const double Left = 62, Right = 62, Top = 56, Bottom = 64;
    // Whole fonts: PDFsharp's subset loses the parts of composite glyphs (dots, hamza) that DejaVu's Arabic forms are built from.
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Quiet = XColor.FromArgb(0x55, 0x55, 0x55);
    private static readonly XColor Accent = XColor.FromArgb(0x00, 0x5A, 0x8C);

    public static byte[] Write(DecisionLetter letter, string footerPageText)
    {
        LetterFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = Clean(letter.Title);
        document.Info.Author = Clean(letter.Municipality);
        document.Info.Subject = Clean(letter.Title);
        document.Language = "nl";
        var writer = new Writer(document);

        writer.Text(letter.Municipality, Font(15, bold: true), Accent, after: 6);
        foreach (var (label, value) in letter.Facts) writer.Fact(label, value);
        writer.Space(10);
        if (letter.NoLongerStands is { } noLonger) writer.Boxed([noLonger], Font(11, bold: true), rightToLeft: false);
        writer.Text(letter.Title, Font(15, bold: true), Ink, after: 8);
        writer.Text(letter.Salutation, Font(10.5), Ink, after: 6);
        var first = true;
        foreach (var block in letter.Summary)
        {
            writer.Text(block.Text, Font(first ? 11.5 : 10.5, bold: first), Ink, after: 5);
            first = false;
        }
        if (letter.Translation is { } translation)
        {
            writer.Space(6);
            writer.Boxed([translation.Heading, .. translation.Blocks.Select(b => b.IsItem ? "• " + b.Text : b.Text), translation.DutchCounts],
                Font(10.5), translation.RightToLeft, headingFont: Font(12.5));
        }
        foreach (var section in letter.Sections)
        {
            writer.Space(8);
            writer.Text(section.Heading, Font(12.5, bold: true), Accent, after: 4, keepWithNext: true);
            foreach (var block in section.Blocks)
            {
                if (block.IsItem) writer.Item(block.Text, Font(10.5));
                else writer.Text(block.Text, Font(10.5), Ink, after: 5);
            }
        }
        writer.Space(12);
        foreach (var line in letter.Closing) writer.Text(line, Font(10.5), Ink, after: 2);

        writer.Footers(Clean(letter.Title), footerPageText);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return ZlibTrailers.Complete(output.ToArray());
    }

    private static XFont Font(double size, bool bold = false) =>
        new(LetterFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    /// <summary>The directional isolates that keep amounts and dates whole in HTML have no glyphs: the layout orders runs itself.</summary>
    private static string Clean(string text) => Bidi.WithoutControls(text).Replace('\n', ' ').Replace('\r', ' ');

    private sealed class Writer
    {
        private readonly PdfDocument document;
        private XGraphics graphics = null!;
        private PdfPage page = null!;
        private double y;

        public Writer(PdfDocument document)
        {
            this.document = document;
            NewPage();
        }

        private double Width => page.Width.Point - Left - Right;

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Top;
        }

        private void Need(double height)
        {
            if (y + height > page.Height.Point - Bottom) NewPage();
        }

        public void Space(double points) => y += points;

        public void Fact(string label, string value)
        {
            var labelFont = Font(9.5, bold: true);
            var valueFont = Font(9.5);
            var lines = Lines(Clean(value), valueFont, Width - 120);
            Need(lines.Count * 13);
            graphics.DrawString(Clean(label), labelFont, new XSolidBrush(Quiet), Left, y, XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                DrawLine(line, valueFont, Ink, Left + 120, Width - 120, rightToLeft: false);
                y += 13;
            }
        }

        public void Text(string text, XFont font, XColor color, double after, bool keepWithNext = false)
        {
            var clean = Clean(text);
            var rightToLeft = ArabicShaping.IsRightToLeft(clean);
            var face = ArabicShaping.HasArabic(clean) && font.Bold ? Font(font.Size) : font;
            var height = face.Size * 1.35;
            var lines = Lines(clean, face, Width);
            for (var i = 0; i < lines.Count; i++)
            {
                // A heading never ends a page alone: it needs room for two lines after it.
                Need(height * (keepWithNext && i == 0 ? 3 : 1));
                DrawLine(lines[i], face, color, Left, Width, rightToLeft);
                y += height;
            }
            y += after;
        }

        /// <summary>An item of a list: a bullet on the reading side, the text indented beside it.</summary>
        public void Item(string text, XFont font)
        {
            var clean = Clean(text);
            var rightToLeft = ArabicShaping.IsRightToLeft(clean);
            var face = ArabicShaping.HasArabic(clean) && font.Bold ? Font(font.Size) : font;
            var height = face.Size * 1.35;
            var lines = Lines(clean, face, Width - 16);
            for (var i = 0; i < lines.Count; i++)
            {
                Need(height);
                if (i == 0)
                    graphics.DrawString("•", face, new XSolidBrush(Ink), rightToLeft ? Left + Width - 8 : Left + 4, y, XStringFormats.TopLeft);
                DrawLine(lines[i], face, Ink, rightToLeft ? Left : Left + 16, Width - 16, rightToLeft);
                y += height;
            }
            y += 3;
        }

        /// <summary>A framed block (the summary in the applicant's language, a notice): a bar beside every line, on its reading side.</summary>
        public void Boxed(IReadOnlyList<string> paragraphs, XFont font, bool rightToLeft, XFont? headingFont = null)
        {
            var pen = new XPen(Accent, 2.5);
            for (var p = 0; p < paragraphs.Count; p++)
            {
                var face = p == 0 && headingFont is not null ? headingFont : font;
                var clean = Clean(paragraphs[p]);
                var height = face.Size * 1.4;
                foreach (var line in Lines(clean, face, Width - 16))
                {
                    Need(height);
                    var barX = rightToLeft ? Left + Width - 1 : Left + 1;
                    graphics.DrawLine(pen, barX, y - 2, barX, y + height);
                    DrawLine(line, face, Ink, rightToLeft ? Left : Left + 12, Width - 12, rightToLeft);
                    y += height;
                }
                y += 4;
            }
            y += 6;
        }

        /// <summary>One line, shaped and put in visual order, aligned to its reading side.</summary>
        private void DrawLine(string line, XFont font, XColor color, double x, double width, bool rightToLeft)
        {
            var visual = ArabicShaping.Visual(line, rightToLeft);
            var drawX = rightToLeft ? x + width - Measure(visual, font) : x;
            var brush = new XSolidBrush(color);
            foreach (var (run, face) in Runs(visual, font))
            {
                graphics.DrawString(run, face, brush, drawX, y, XStringFormats.TopLeft);
                drawX += graphics.MeasureString(run, face).Width;
            }
        }

        private double Measure(string text, XFont font) => Runs(text, font).Sum(run => graphics.MeasureString(run.Text, run.Face).Width);

        /// <summary>The text in runs of one face: Ethiopic in Noto Sans Ethiopic, the rest in the letter's own face; a space goes on in the face before it.</summary>
        private static IEnumerable<(string Text, XFont Face)> Runs(string text, XFont font)
        {
            XFont? ethiopic = null;
            for (int start = 0, end = 1; start < text.Length; end++)
            {
                if (end < text.Length && (text[end] == ' ' || LetterFonts.IsEthiopic(text[end]) == LetterFonts.IsEthiopic(text[start]))) continue;
                yield return (text[start..end], LetterFonts.IsEthiopic(text[start])
                    ? ethiopic ??= new XFont(LetterFonts.EthiopicFamily, font.Size, font.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode)
                    : font);
                start = end;
            }
        }

        /// <summary>Greedy word wrap in logical order on the shaped text (shaping never joins across a space).</summary>
        private List<string> Lines(string text, XFont font, double width)
        {
            var shaped = ArabicShaping.Shape(ArabicShaping.WithoutVowelMarks(text));
            var lines = new List<string>();
            var current = "";
            foreach (var word in shaped.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                // A word wider than the line (a long address, a pasted link) is broken where it must.
                while (Measure(current, font) > width && current.Length > 1)
                {
                    var fit = current.Length - 1;
                    while (fit > 1 && Measure(current[..fit], font) > width) fit--;
                    // Never between the two halves of a character outside the BMP (an emoji).
                    if (fit > 1 && char.IsHighSurrogate(current[fit - 1])) fit--;
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }
            if (current.Length > 0 || lines.Count == 0) lines.Add(current);
            return lines;
        }

        /// <summary>On every page: the letter's title and "Pagina n van m", once the number of pages is known.</summary>
        public void Footers(string title, string pageText)
        {
            graphics.Dispose();
            var font = Font(8);
            for (var i = 0; i < document.PageCount; i++)
            {
                var each = document.Pages[i];
                using var footer = XGraphics.FromPdfPage(each, XGraphicsPdfPageOptions.Append);
                var number = string.Format(System.Globalization.CultureInfo.InvariantCulture, pageText, i + 1, document.PageCount);
                var text = $"{title} · {Clean(number)}";
                footer.DrawString(text, font, new XSolidBrush(Quiet), Left, each.Height.Point - Bottom + 24, XStringFormats.TopLeft);
            }
        }
    }
}
