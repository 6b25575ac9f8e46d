using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Web;

namespace Portal.Accounts;

/// <summary>Writes audit events in the caller's unit of work, with the client's address.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(string kind, Guid? userId, string? subject = null, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent(kind, userId, subject,
            ClientAddress.ForAudit(http.HttpContext), detail, clock.GetUtcNow()));

    /// <summary>Records and saves at once, for events that are not part of another change (sign-in attempts).</summary>
    public async Task RecordNowAsync(string kind, Guid? userId, string? subject = null, string? detail = null)
    {
        Record(kind, userId, subject, detail);
        await db.SaveChangesAsync();
    }
}
