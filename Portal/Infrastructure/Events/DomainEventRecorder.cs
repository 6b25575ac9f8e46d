using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Audit;
using Portal.Domain.Events;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// The one place where what happened to an application or an organisation becomes an audit row and mail: when the
/// context saves, every domain event raised by the verbs becomes a row of the append-only audit trail (naming the object,
/// the actor and their role, the result, and where the request came from) and, where someone must be told, a message in
/// the outbox — in the same SaveChanges, so in the same transaction as the change. Pages write neither.
/// <para>
/// A state change that did not come through a verb (a status set around the domain) has no event; it is refused here, so
/// it cannot be committed without its audit row. The database checks the same at commit (migration 0009).
/// </para>
/// <para>
/// <see cref="PortalDbContext"/> adds this interceptor to every context. The request (for IP address and user agent) and
/// the services mail needs come from the container that made the context; a context made by hand (a test's) has
/// neither, so it writes the audit rows without origin and sends no mail.
/// </para>
/// </summary>
public sealed class DomainEventRecorder : SaveChangesInterceptor
{
    public static readonly DomainEventRecorder Instance = new();

    private DomainEventRecorder() { }

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

    private static async Task RecordAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        RefuseStateChangesWithoutEvent(db);
        // Budget follows the applications' state (held when complete, given back on withdrawal, refusal…); its own events join below.
        await Portal.Review.BudgetReservations.FollowAsync(db, cancellationToken);
        db.ChangeTracker.DetectChanges();
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        if (aggregates.Count == 0) return;
        var events = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
        // Taken now: a retried SaveChanges (after a concurrency conflict) finds the rows already added, not the events again.
        foreach (var aggregate in aggregates) aggregate.ClearDomainEvents();

        var services = ApplicationServices(db);
        var request = services?.GetService<IHttpContextAccessor>()?.HttpContext;
        var (address, agent) = (ClientAddress.ForAudit(request), ClientAddress.UserAgent(request));
        foreach (var domainEvent in events.Where(e => e.Audited)) db.AuditEvents.Add(AuditEvent.For(domainEvent, address, agent));
        // The reviewers' inbox row of each submitted application follows its state and term in the same transaction (issue 11).
        await Review.ReviewCaseKeeper.KeepAsync(db, events, cancellationToken);
        await Review.ReviewMail.FromAsync(db, events, services, cancellationToken);
        if (services is null) return;
        await ApplicationMail.FromAsync(db, events, services, cancellationToken);
        await CoachingMail.FromAsync(db, events, services, cancellationToken);
        await ConsentMail.FromAsync(db, events, services, cancellationToken);
        await AssistedMail.FromAsync(db, events, services, cancellationToken);
        await DecisionDispatchMail.FromAsync(db, events, services, cancellationToken);
        await Requests.RequestMail.FromAsync(db, events, services, cancellationToken);
        await Objections.ObjectionMail.FromAsync(db, events, services, cancellationToken);
    }

    /// <summary>The container the context was made by (the request's scope, a worker's scope), or null for a hand-made context.</summary>
    private static IServiceProvider? ApplicationServices(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;

    private static void RefuseStateChangesWithoutEvent(PortalDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Application>())
        {
            var application = entry.Entity;
            var changed = entry.State switch
            {
                EntityState.Added => true,
                EntityState.Modified => entry.Property(a => a.Status) is { IsModified: true } status && !Equals(status.OriginalValue, status.CurrentValue),
                _ => false,
            };
            if (!changed) continue;
            var raised = entry.State == EntityState.Added
                ? application.DomainEvents.OfType<ApplicationStarted>().Any()
                : application.DomainEvents.OfType<ApplicationStatusChanged>().Any(e => e.To == application.Status);
            if (!raised)
                throw new InvalidOperationException(
                    $"Application {application.Id} is {application.Status} without a verb of the domain: not saved, as it would leave no audit row.");
        }
    }
}
