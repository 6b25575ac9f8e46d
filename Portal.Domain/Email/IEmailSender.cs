namespace Portal.Domain.Email;

/// <summary>Port to the mail server. The SMTP adapter lives in Portal; swapping it is one class.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
