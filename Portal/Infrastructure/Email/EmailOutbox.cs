using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Email;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Adds an email to the outbox in the caller's unit of work: it is stored by the caller's SaveChanges,
/// in the same transaction as the change that causes it, and sent later by <see cref="OutboxWorker"/>.
/// </summary>
public sealed class EmailOutbox(PortalDbContext db, IClock clock)
{
    public EmailMessage Enqueue(string to, string subject, string textBody)
    {
        var message = new EmailMessage(to, subject, textBody, htmlBody: null, clock.UtcNow);
        db.EmailMessages.Add(message);
        return message;
    }
}
