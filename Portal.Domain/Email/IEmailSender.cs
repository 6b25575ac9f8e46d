namespace Portal.Domain.Email;

/// <summary>Port to the mail server. The SMTP adapter lives in Portal; swapping it is one class.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, IReadOnlyList<MailAttachment> attachments, CancellationToken cancellationToken);
}

/// <summary>A file that goes with an email (a decision letter as PDF): name, MIME type and bytes.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Finds the files that go with an outbox message when it is sent (not when it is queued: a decision letter names the last
/// day to object, which counts from the sending day). The outbox knows no kinds of mail; each feature that attaches files
/// registers one of these, and a message none of them knows goes without.
/// </summary>
public interface IMailAttachments
{
    Task<IReadOnlyList<MailAttachment>> ForAsync(EmailMessage message, CancellationToken cancellationToken);
}
