using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Audit;
using Portal.Domain.Events;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// The one place where what happened to an application or an organisation becomes an audit row and mail: when the
/// context saves, every domain event raised by the verbs becomes a row of the append-only audit trail (naming the object,
/// the actor's role, the result and where the request came from) and, where someone must be told, a message in the
/// outbox — in the same SaveChanges, so in the same transaction as the change. Pages write neither.
/// <para>A state change that did not come through a verb (a status set around the domain) has no event; it is refused
/// here, so it cannot be committed without its audit row.</para>
/// </summary>
public sealed class DomainEventRecorder(IHttpContextAccessor http, IServiceProvider services) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db) await RecordAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db) RecordAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task RecordAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        RefuseStateChangesWithoutEvent(db);
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        if (aggregates.Count == 0) return;
        var events = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
        // Taken now: a retried SaveChanges (after a concurrency conflict) must not write them twice.
        foreach (var aggregate in aggregates) aggregate.ClearDomainEvents();

        var context = http.HttpContext;
        var (address, agent) = (ClientAddress.ForAudit(context), ClientAddress.UserAgent(context));
        foreach (var domainEvent in events.Where(e => e.Audited)) db.AuditEvents.Add(AuditEvent.For(domainEvent, address, agent));
        await ApplicationMail.FromAsync(db, events, services, cancellationToken);
        db.ChangeTracker.DetectChanges();
    }

    private static void RefuseStateChangesWithoutEvent(PortalDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Application>().Where(e => e.State == EntityState.Modified))
        {
            var status = entry.Property(a => a.Status);
            if (!status.IsModified || Equals(status.OriginalValue, status.CurrentValue)) continue;
            if (!entry.Entity.DomainEvents.OfType<ApplicationStatusChanged>().Any(e => e.To == entry.Entity.Status))
                throw new InvalidOperationException(
                    $"Application {entry.Entity.Id} changed from {status.OriginalValue} to {status.CurrentValue} without a verb: not saved, as it would leave no audit row.");
        }
    }
}
