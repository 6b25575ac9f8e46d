using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Common;

namespace Portal.Review;

/// <summary>
/// Follows the applications' state into the schemes' budgets, in the same SaveChanges as the change (called by the
/// <see cref="Infrastructure.Events.DomainEventRecorder"/>): budget is held when an application becomes complete and given
/// back when it is withdrawn, refused, not processed, returned, or turned out to be incomplete. No page has to remember.
/// <para>
/// Complete means: submitted, and no completeness request (art. 4:5 Awb) open. An application that gets a completeness
/// request was not complete after all: its reservation is released, and when the answer makes it complete it is held
/// again from the day of the answer — the day it became complete (docs/decisions/0016-budget-ceiling-and-order.md). A
/// request whose term ran out unused does not make it complete: it goes back to review only to be not processed.
/// </para>
/// </summary>
public static class BudgetReservations
{
    /// <summary>The moves after which an application may have become complete.</summary>
    private static readonly ApplicationStatus[] Completing = [ApplicationStatus.Submitted, ApplicationStatus.InReview];

    /// <summary>The states in which a complete application waits for its decision.</summary>
    private static readonly ApplicationStatus[] Waiting =
        [ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.DecisionProposed];

    /// <summary>The moves that give the budget back.</summary>
    private static readonly ApplicationStatus[] Releasing =
    [
        ApplicationStatus.Withdrawn, ApplicationStatus.Rejected, ApplicationStatus.NotProcessed, ApplicationStatus.ReturnedWithSuggestions,
        ApplicationStatus.InformationRequested,
    ];

    public static async Task FollowAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Application>().Select(e => e.Entity)
            .Where(a => a.DomainEvents.OfType<ApplicationStatusChanged>().Any()).ToList();
        foreach (var application in changed)
        {
            var moves = application.DomainEvents.OfType<ApplicationStatusChanged>().ToList();
            var last = moves[^1];
            if (Releasing.Contains(application.Status))
            {
                var budget = await BudgetOfAsync(db, application.SchemeId, application.Id, cancellationToken);
                budget.Release(application.Id, application.Status == ApplicationStatus.InformationRequested ? "Incomplete" : application.Status.ToString(),
                    last.Actor, last.OccurredAt);
            }
            else if (Waiting.Contains(application.Status) && moves.Any(m => Completing.Contains(m.To))
                     && !application.DomainEvents.OfType<InformationRequestClosed>().Any(c => c.Lapsed))
            {
                var budget = await BudgetOfAsync(db, application.SchemeId, application.Id, cancellationToken);
                // A submitted application always asks for something (submission checks the scheme's minimum).
                if (budget.LiveReservationOf(application.Id) is null && await RequestedAsync(db, application, cancellationToken) is { Cents: > 0 } requested)
                    budget.Reserve(application.Id, requested, last.Actor, last.OccurredAt);
            }
        }
    }

    /// <summary>The scheme's budget with this application's live reservation (made on first use: one row per scheme, never two).</summary>
    private static async Task<SchemeBudget> BudgetOfAsync(PortalDbContext db, int schemeId, Guid applicationId, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.Entries<SchemeBudget>().FirstOrDefault(e => e.Entity.SchemeId == schemeId)?.Entity is { } tracked)
        {
            // A new application has no reservation in the database to load.
            if (db.Applications.Local.FirstOrDefault(a => a.Id == applicationId) is not { } local || db.Entry(local).State != EntityState.Added)
                await db.Entry(tracked).Collection(b => b.Reservations).Query()
                    .Where(r => r.ApplicationId == applicationId && r.State != ReservationState.Released).LoadAsync(cancellationToken);
            return tracked;
        }
        var query = db.Set<SchemeBudget>()
            .Include(b => b.Reservations.Where(r => r.ApplicationId == applicationId && r.State != ReservationState.Released));
        if (await query.SingleOrDefaultAsync(b => b.SchemeId == schemeId, cancellationToken) is { } budget) return budget;
        await BudgetLedger.EnsureRowAsync(db, schemeId, cancellationToken);
        return await query.SingleAsync(b => b.SchemeId == schemeId, cancellationToken);
    }

    /// <summary>What the application asks for. Its cost rows are read from the database unless this context has them loaded.</summary>
    private static async Task<Domain.Money.Money> RequestedAsync(PortalDbContext db, Application application, CancellationToken cancellationToken)
    {
        // A new application (saved with its first submission) has all its rows in the tracker.
        if (db.Entry(application).State == EntityState.Added || db.Entry(application).Collection(a => a.BudgetLines).IsLoaded) return application.Requested;
        var costs = await db.Set<BudgetLine>().Where(l => l.ApplicationId == application.Id).SumAsync(l => l.AmountCents, cancellationToken);
        var requested = costs - application.OwnContributionCents - application.OtherFundingCents;
        return new Domain.Money.Money(requested > 0 ? requested : 0);
    }
}
