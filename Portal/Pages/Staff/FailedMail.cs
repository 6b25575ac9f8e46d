using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Common;

namespace Portal.Pages.Staff;

/// <summary>
/// Mail the outbox could not deliver, for admins: unsent mail that failed at least once, and "send again" for each.
/// Nothing is lost silently: what the outbox gave up on stays here until someone acts.
/// </summary>
public sealed class FailedMail(PortalDbContext db, TimeProvider clock, AuditLog audit)
{
    private const int MostShown = 200;

    public sealed record Row(Guid Id, string To, string Subject, int Attempts, string? LastError, DateTimeOffset CreatedAt,
        DateTimeOffset? GaveUpAt, DateTimeOffset NextAttemptAt, bool BeingSent);

    public enum Outcome { Queued, AlreadyOnItsWay, ChangedMeanwhile }

    /// <summary>Given up first (nobody else will send those), then the oldest.</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.EmailMessages.AsNoTracking()
            .Where(m => m.SentAt == null && (m.GaveUpAt != null || m.LastError != null))
            .OrderBy(m => m.GaveUpAt == null).ThenBy(m => m.CreatedAt)
            .Take(MostShown)
            .Select(m => new Row(m.Id, m.To, m.Subject, m.Attempts, m.LastError, m.CreatedAt, m.GaveUpAt, m.NextAttemptAt,
                m.LeasedUntil != null && m.LeasedUntil > now))
            .ToListAsync(cancellationToken);
    }

    /// <returns>Null when there is no such message.</returns>
    public async Task<Outcome?> SendAgainAsync(Guid id, Guid adminId)
    {
        if (await db.EmailMessages.SingleOrDefaultAsync(m => m.Id == id) is not { } message) return null;
        try
        {
            message.SendAgain(clock.GetUtcNow());
            audit.Record(AuditKinds.MailSentAgain, adminId, message.To, $"email {message.Id}");
            await db.SaveChangesAsync();
            return Outcome.Queued;
        }
        catch (DomainException)
        {
            return Outcome.AlreadyOnItsWay;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A worker claimed or marked it between reading and saving (xmin): the admin looks at the list again.
            return Outcome.ChangedMeanwhile;
        }
    }
}
