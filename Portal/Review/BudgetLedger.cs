using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Review;

/// <summary>
/// The schemes' budgets in the database: the one way budget is spent. An approval locks the scheme's budget row
/// (SELECT … FOR UPDATE) for the rest of its transaction, reads the reservations after it holds the lock, and lets the
/// domain decide (<see cref="SchemeBudget.Grant"/>): two approvals at the same moment are taken one after the other, and
/// the second sees what the first spent. See docs/decisions/0016-budget-ceiling-and-order.md.
/// </summary>
public sealed class BudgetLedger(PortalDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Spends the application's reservation on a grant of <paramref name="amount"/>, inside the caller's transaction (which
    /// must be open: the lock lasts until it commits). The approval step calls this, then <c>Decide</c>, then saves and
    /// commits — so the grant and the decision are one change. Throws a <see cref="DomainException"/> with a Ceiling.* key
    /// when the grant would break the ceiling or the order.
    /// </summary>
    public async Task SpendAsync(Application application, Domain.Money.Money amount, Actor by, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Spending budget needs a transaction: the lock on the scheme's budget lasts until it commits.");
        var now = clock.GetUtcNow();
        var budget = await LockAsync(application.SchemeId, cancellationToken);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
        budget.HoldDraws(NijmegenTime.DayOf(now), now);
        budget.Grant(scheme, application.Id, amount, by, now);
    }

    /// <summary>Spends the reservation in a transaction of its own (for a caller that decides in the same context afterwards, or tests).</summary>
    public async Task ApproveAsync(Guid applicationId, Domain.Money.Money amount, Actor by, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId, cancellationToken);
        await SpendAsync(application, amount, by, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What the application can be given now: the full request, a part, or nothing (no lock: the grant checks again).</summary>
    public async Task<BudgetOffer?> OfferAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        var schemeId = await db.Applications.Where(a => a.Id == applicationId).Select(a => (int?)a.SchemeId).SingleOrDefaultAsync(cancellationToken);
        if (schemeId is not { } id) return null;
        var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        var budget = await db.Set<SchemeBudget>().AsNoTracking().Include(b => b.Reservations.Where(r => r.State != ReservationState.Released))
            .SingleOrDefaultAsync(b => b.SchemeId == id, cancellationToken);
        if (budget?.LiveReservationOf(applicationId) is not { IsHeld: true }) return null;
        return budget.Offer(scheme, applicationId, NijmegenTime.DayOf(clock.GetUtcNow()));
    }

    /// <summary>Holds the draws of the days that are over, for every scheme that has any to hold (each under its lock).</summary>
    public async Task HoldDrawsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = NijmegenTime.DayOf(now);
        var due = await db.Set<BudgetReservation>().Where(r => r.DrawPosition == null && r.CompleteOn < today)
            .Select(r => r.SchemeId).Distinct().ToListAsync(cancellationToken);
        foreach (var schemeId in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var budget = await LockAsync(schemeId, cancellationToken);
            budget.HoldDraws(today, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Publishes the order a scheme fills its budget in; only before any application holds budget in it.</summary>
    public async Task PublishOrderAsync(int schemeId, BudgetOrder order, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var budget = await LockAsync(schemeId, cancellationToken);
        budget.PublishOrder(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Locks the scheme's budget row until the transaction ends and loads the budget as it is once the lock is held
    /// (read committed: every statement after the lock sees what the previous holder committed). Budget rows this context
    /// loaded before are read again, never used stale.
    /// </summary>
    public async Task<SchemeBudget> LockAsync(int schemeId, CancellationToken cancellationToken = default)
    {
        await EnsureRowAsync(db, schemeId, cancellationToken);
        await db.Database.SqlQuery<int>($"""SELECT 1 AS "Value" FROM "SchemeBudgets" WHERE "SchemeId" = {schemeId} FOR UPDATE""")
            .ToListAsync(cancellationToken);
        foreach (var stale in db.ChangeTracker.Entries<BudgetReservation>().Where(e => e.Entity.SchemeId == schemeId && e.State == EntityState.Unchanged).ToList())
            stale.State = EntityState.Detached;
        foreach (var stale in db.ChangeTracker.Entries<SchemeBudget>().Where(e => e.Entity.SchemeId == schemeId && e.State == EntityState.Unchanged).ToList())
            stale.State = EntityState.Detached;
        return await db.Set<SchemeBudget>()
            .Include(b => b.Reservations.Where(r => r.State != ReservationState.Released))
            .Include(b => b.Draws)
            .SingleAsync(b => b.SchemeId == schemeId, cancellationToken);
    }

    /// <summary>Makes the scheme's budget row if it is not there (first come, first served until a scheme publishes otherwise).</summary>
    public static async Task EnsureRowAsync(PortalDbContext db, int schemeId, CancellationToken cancellationToken)
    {
        // Two first submissions at once may both try: ON CONFLICT makes that harmless, where an EF insert would fail one of them.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SchemeBudgets" ("SchemeId", "Order") VALUES ({schemeId}, {nameof(BudgetOrder.FirstComeFirstServed)}) ON CONFLICT DO NOTHING""",
            cancellationToken);
    }
}
