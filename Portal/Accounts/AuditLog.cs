using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Web;

namespace Portal.Accounts;

/// <summary>
/// Writes account audit events (sign-in, passwords, roles) in the caller's unit of work, with the client's address and
/// user agent. Events about applications and organisations are not written here: their verbs raise domain events, which
/// <see cref="Infrastructure.Events.DomainEventRecorder"/> turns into audit rows.
/// </summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(string kind, Guid? userId, string? subject = null, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent(kind, userId, subject,
            ClientAddress.ForAudit(http.HttpContext), detail, clock.GetUtcNow(), ClientAddress.UserAgent(http.HttpContext)));

    /// <summary>Records and saves at once, for events that are not part of another change (sign-in attempts).</summary>
    public async Task RecordNowAsync(string kind, Guid? userId, string? subject = null, string? detail = null)
    {
        Record(kind, userId, subject, detail);
        await db.SaveChangesAsync();
    }
}
