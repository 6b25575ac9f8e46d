using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Domain.Email;

namespace Portal.Infrastructure.Email;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1025;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@portal.nijmegen.example";
    public string FromName { get; set; } = "Subsidieportaal Nijmegen";
}

/// <summary>SMTP adapter on System.Net.Mail (MailKit is not available on these machines).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 15_000 };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var mail = new MailMessage
        {
            From = new MailAddress(smtp.From, smtp.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(message.To);
        mail.Headers.Add("Message-ID", $"<{message.Id}@portal>");
        await client.SendMailAsync(mail, cancellationToken);
    }
}
