using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
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

    /// <summary>
    /// How long one step of the SMTP conversation may take. It must stay well below the outbox lease
    /// (<see cref="OutboxOptions.Lease"/>), or a slow send could outlive the claim on its message.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Port 465 speaks TLS from the first byte; any other port upgrades with STARTTLS when SSL is on.</summary>
    public SecureSocketOptions Security => !EnableSsl ? SecureSocketOptions.None
        : Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;
}

/// <summary>SMTP adapter on MailKit: one connection per message, so a failure never touches another message.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, IReadOnlyList<MailAttachment> attachments, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var mail = MailMessages.Build(message, smtp, attachments);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The server has accepted the message: a failing goodbye must not make the outbox send it again.
        }
    }
}
