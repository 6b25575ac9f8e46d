using System.IO.Compression;
using System.Text;
using Portal.Infrastructure.Files;

namespace Portal.Tests.Files;

public sealed class FileInspectorTests
{
    [Fact]
    public void A_pdf_is_accepted_as_a_pdf() =>
        Assert.Equal(new FileInspection("application/pdf", null), FileInspector.Inspect("begroting.pdf", TestFiles.Pdf()));

    [Fact]
    public void A_png_photo_is_accepted_as_a_png() =>
        Assert.Equal("image/png", FileInspector.Inspect("Foto van de bonnetjes.PNG", TestFiles.Png()).ContentType);

    [Fact]
    public void A_jpeg_photo_is_accepted_with_either_extension()
    {
        Assert.True(FileInspector.Inspect("zaal.jpg", TestFiles.Jpeg()).Accepted);
        Assert.True(FileInspector.Inspect("zaal.jpeg", TestFiles.Jpeg()).Accepted);
    }

    [Fact]
    public void A_word_document_is_accepted_as_docx() =>
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileInspector.Inspect("plan.docx", TestFiles.Docx()).ContentType);

    [Fact]
    public void An_excel_sheet_is_accepted_as_xlsx() =>
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileInspector.Inspect("kosten.xlsx", TestFiles.Xlsx()).ContentType);

    // Issue 7, point 19: "A .docx passes when any ZIP entry starts with word/".
    [Fact]
    public void A_zip_with_only_something_under_word_is_no_word_document() =>
        Assert.Equal("Attachment.Error.Content", FileInspector.Inspect("plan.docx", TestFiles.Zip(("word/virus.exe", "MZ"))).RefusalKey);

    [Fact]
    public void A_word_document_whose_main_part_is_missing_is_refused() =>
        Assert.Equal("Attachment.Error.Content",
            FileInspector.Inspect("plan.docx", TestFiles.Zip(("[Content_Types].xml", TestFiles.ContentTypes("/word/document.xml", TestFiles.WordMain)),
                ("word/styles.xml", "<w:styles/>"))).RefusalKey);

    [Theory]
    [InlineData("application/vnd.ms-word.document.macroEnabled.main+xml")] // a .docm with macros, renamed
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")] // a template
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")]
    public void A_zip_declaring_another_main_part_is_refused_as_docx(string mainContentType) =>
        Assert.Equal("Attachment.Error.Content",
            FileInspector.Inspect("plan.docx", TestFiles.Zip(("[Content_Types].xml", TestFiles.ContentTypes("/word/document.xml", mainContentType)),
                ("word/document.xml", "<w:document/>"))).RefusalKey);

    [Fact]
    public void An_excel_sheet_without_its_workbook_is_refused() =>
        Assert.Equal("Attachment.Error.Content",
            FileInspector.Inspect("kosten.xlsx", TestFiles.Zip(("[Content_Types].xml", TestFiles.ContentTypes("/xl/workbook.xml", TestFiles.ExcelMain)),
                ("xl/anything.bin", "x"))).RefusalKey);

    [Fact]
    public void Content_types_with_a_document_type_definition_are_refused_without_reading_it() =>
        Assert.Equal("Attachment.Error.Content",
            FileInspector.Inspect("plan.docx", TestFiles.Zip(
                ("[Content_Types].xml", "<!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + TestFiles.ContentTypes("/word/document.xml", TestFiles.WordMain)),
                ("word/document.xml", "<w:document/>"))).RefusalKey);

    [Fact]
    public void An_opendocument_text_without_its_content_is_refused() =>
        Assert.Equal("Attachment.Error.Content",
            FileInspector.Inspect("plan.odt", TestFiles.Zip(("mimetype", "application/vnd.oasis.opendocument.text"))).RefusalKey);

    [Fact]
    public void An_opendocument_text_is_accepted_as_odt() =>
        Assert.Equal("application/vnd.oasis.opendocument.text", FileInspector.Inspect("plan.odt", TestFiles.Odt()).ContentType);

    [Fact]
    public void A_program_renamed_to_pdf_is_refused_because_its_content_does_not_match() =>
        Assert.Equal("Attachment.Error.Content", FileInspector.Inspect("begroting.pdf", TestFiles.Executable()).RefusalKey);

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal("Attachment.Error.Empty", FileInspector.Inspect("leeg.pdf", []).RefusalKey);

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("pagina.html")]
    [InlineData("geen-extensie")]
    public void A_type_that_is_not_allowed_is_refused_by_its_name(string name) =>
        Assert.Equal("Attachment.Error.Type", FileInspector.Inspect(name, TestFiles.Pdf()).RefusalKey);

    [Fact]
    public void A_zip_that_is_no_office_document_is_refused_as_docx() =>
        Assert.Equal("Attachment.Error.Content", FileInspector.Inspect("plan.docx", TestFiles.Zip(("virus.exe", "MZ"))).RefusalKey);

    [Fact]
    public void A_word_document_named_odt_is_refused() =>
        Assert.Equal("Attachment.Error.Content", FileInspector.Inspect("plan.odt", TestFiles.Docx()).RefusalKey);

    [Fact]
    public void A_file_that_starts_like_a_zip_but_is_broken_is_refused() =>
        Assert.Equal("Attachment.Error.Content", FileInspector.Inspect("plan.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).RefusalKey);

    [Theory]
    [InlineData(@"C:\Users\amina\Documenten\begroting.pdf", "begroting.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("plan\u0000\"ja\".pdf", "planja.pdf")]
    [InlineData("", "bestand")]
    public void A_stored_file_name_has_no_folders_or_control_characters(string uploaded, string stored) =>
        Assert.Equal(stored, FileInspector.SafeFileName(uploaded));

    [Theory]
    [InlineData("evil\u202Egnp.pdf", "evilgnp.pdf")] // shown as "evilfdp.png" with the override
    [InlineData("begroting\u200B\u2066.pdf", "begroting.pdf")]
    [InlineData("\uFEFFplan.docx", "plan.docx")]
    [InlineData("ميزانية الأمسية 🌙.pdf", "ميزانية الأمسية 🌙.pdf")]
    public void A_stored_file_name_has_no_bidi_controls_or_zero_width_characters(string uploaded, string stored) =>
        Assert.Equal(stored, FileInspector.SafeFileName(uploaded));

    [Fact]
    public void The_type_is_judged_by_the_name_as_it_is_shown_and_stored() =>
        Assert.True(FileInspector.Inspect("begroting.p\u200Bdf", TestFiles.Pdf()).Accepted);
}

/// <summary>Small but real files of each kind, built in memory.</summary>
public static class TestFiles
{
    public static byte[] Pdf(int size = 600)
    {
        var start = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray();
        var bytes = new byte[Math.Max(size, start.Length)];
        start.CopyTo(bytes, 0);
        Array.Fill(bytes, (byte)' ', start.Length, bytes.Length - start.Length);
        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];

    /// <summary>A Windows program: the "MZ" header of every .exe.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>A Word document as Word writes it: content types naming the main part, and the main part.</summary>
    public static byte[] Docx() =>
        Zip(("[Content_Types].xml", ContentTypes("/word/document.xml", WordMain)), ("_rels/.rels", "<Relationships/>"),
            ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() =>
        Zip(("[Content_Types].xml", ContentTypes("/xl/workbook.xml", ExcelMain)), ("_rels/.rels", "<Relationships/>"),
            ("xl/workbook.xml", "<workbook/>"));

    public static string ContentTypes(string mainPart, string mainContentType) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        $"<Override PartName=\"{mainPart}\" ContentType=\"{mainContentType}\"/></Types>";

    public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.ASCII);
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
