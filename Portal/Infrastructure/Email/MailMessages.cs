using MimeKit;
using Portal.Domain.Email;
using Portal.Domain.Languages;

namespace Portal.Infrastructure.Email;

/// <summary>Turns an outbox message into the MIME message that goes over the wire.</summary>
public static class MailMessages
{
    /// <summary>
    /// Every email is multipart/alternative: the plain text first, then the same as HTML (mail clients show the last
    /// part they can). With attachments the whole becomes multipart/mixed: the alternative, then each file.
    /// </summary>
    public static MimeMessage Build(EmailMessage message, SmtpOptions smtp, IReadOnlyList<MailAttachment>? attachments = null)
    {
        var from = new MailboxAddress(smtp.FromName, smtp.From);
        var body = new BodyBuilder
        {
            TextBody = message.TextBody,
            // Mail queued before HTML existed has none: it gets the template in the default language.
            HtmlBody = message.HtmlBody ?? EmailHtml.Render(message.Subject, message.TextBody, Languages.Get(Languages.Default)),
        };
        foreach (var attachment in attachments ?? [])
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        var mail = new MimeMessage
        {
            // The same message always carries the same Message-ID, so a repeat after a crash is recognisable as one.
            MessageId = MessageId(message.Id, from.Domain),
            Subject = message.Subject,
            Body = body.ToMessageBody(),
        };
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(message.To));
        return mail;
    }

    /// <summary>The Message-ID without angle brackets (MimeKit adds them): the message's id at the sender's domain.</summary>
    public static string MessageId(Guid id, string domain) => $"{id:N}@{domain}";
}
