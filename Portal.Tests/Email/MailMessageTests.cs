using MimeKit;
using Portal.Domain.Email;
using Portal.Domain.Languages;
using Portal.Infrastructure.Email;

namespace Portal.Tests.Email;

/// <summary>The MIME shape of every email: text + HTML as alternatives, and files beside them when there are any.</summary>
public sealed class MailMessageTests
{
    private static readonly SmtpOptions Smtp = new();

    private static EmailMessage Message(string? html) =>
        new("amina@example.org", "Uw aanvraag", "Beste Amina,\n\nZie https://portal.example/applications.", html, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Without_attachments_an_email_is_text_and_HTML_as_alternatives()
    {
        using var mail = MailMessages.Build(Message(EmailHtml.Render("Uw aanvraag", "Beste Amina,", Languages.Get("nl"))), Smtp);

        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("<html lang=\"nl\" dir=\"ltr\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Mail_queued_before_HTML_existed_still_gets_an_HTML_part()
    {
        using var mail = MailMessages.Build(Message(html: null), Smtp);

        Assert.Contains("<a href=\"https://portal.example/applications\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Beste Amina,\n\nZie https://portal.example/applications.", mail.TextBody!.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void With_an_attachment_the_alternatives_come_first_and_the_file_beside_them()
    {
        var pdf = "%PDF-1.7 besluit"u8.ToArray();

        using var mail = MailMessages.Build(Message(html: null), Smtp, [new MailAttachment("besluit.pdf", "application/pdf", pdf)]);

        var mixed = Assert.IsType<Multipart>(mail.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.IsType<MultipartAlternative>(mixed[0]);
        var file = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(("besluit.pdf", "application/pdf"), (file.FileName, file.ContentType.MimeType));
        using var bytes = new MemoryStream();
        file.Content!.DecodeTo(bytes);
        Assert.Equal(pdf, bytes.ToArray());
    }
}
