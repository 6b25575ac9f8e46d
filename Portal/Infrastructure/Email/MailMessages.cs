using MimeKit;
using Portal.Domain.Email;

namespace Portal.Infrastructure.Email;

/// <summary>Turns an outbox message into the MIME message that goes over the wire.</summary>
public static class MailMessages
{
    public static MimeMessage Build(EmailMessage message, SmtpOptions smtp)
    {
        var from = new MailboxAddress(smtp.FromName, smtp.From);
        var mail = new MimeMessage
        {
            // The same message always carries the same Message-ID, so a repeat after a crash is recognisable as one.
            MessageId = MessageId(message.Id, from.Domain),
            Subject = message.Subject,
            Body = Body(message),
        };
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(message.To));
        return mail;
    }

    /// <summary>The Message-ID without angle brackets (MimeKit adds them): the message's id at the sender's domain.</summary>
    public static string MessageId(Guid id, string domain) => $"{id:N}@{domain}";

    /// <summary>Plain text for now; HTML and attachments (a later issue) become a multipart here.</summary>
    private static MimeEntity Body(EmailMessage message) => new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.TextBody };
}
