using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Terms;
using Portal.Review;

namespace Portal.Settlement;

/// <summary>
/// The vaststelling task (issue 12, point 6): the verleningen whose activity has ended and that wait for their
/// vaststelling, and making it. The vaststelling is the next version of the application's decisions
/// (<see cref="Decision.Settle"/>); when it is lower than the verlening, the difference goes back to the scheme's budget
/// (<see cref="Domain.Budget.SchemeBudget.Settle"/>) under the scheme's budget lock, in the same transaction — the decision
/// and the budget are one change, and the totals the database keeps follow by their trigger.
/// </summary>
public sealed class Settlements(PortalDbContext db, BudgetLedger ledger, TimeProvider clock)
{
    public const int Shown = 200;

    /// <summary>One verlening waiting for its vaststelling.</summary>
    public sealed record Waiting(Guid ApplicationId, string? Reference, string OrganisationName, string SchemeSlug, long AmountCents,
        DateOnly ActivityEndsOn, DateOnly DueOn, bool Reported);

    /// <summary>The standing verleningen whose activity has ended and that have no standing vaststelling, the first due first.</summary>
    public async Task<IReadOnlyList<Waiting>> WaitingAsync(CancellationToken cancellationToken = default)
    {
        var today = NijmegenTime.DayOf(clock.GetUtcNow());
        return await (
                from d in db.Decisions
                where d.Kind == DecisionKind.Verlening && d.ReopenedAt == null && d.VaststellingDueOn != null && d.ActivityEndsOn <= today
                    && !db.Decisions.Any(v => v.SettlesDecisionId == d.Id && v.ReopenedAt == null)
                join a in db.Applications on d.ApplicationId equals a.Id
                join s in db.Schemes on a.SchemeId equals s.Id
                join o in db.Organisations on a.OrganisationId equals o.Id
                orderby d.VaststellingDueOn, a.Reference
                select new Waiting(a.Id, a.Reference, o.Name, s.Slug, d.AmountCents ?? 0, d.ActivityEndsOn!.Value, d.VaststellingDueOn!.Value,
                    db.Set<ActivityReport>().Any(r => r.DecisionId == d.Id)))
            .AsNoTracking().Take(Shown).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the vaststelling of <paramref name="verlening"/>. A <see cref="DomainException"/> (above the verlening, lower
    /// without a ground or a reason, already settled) leaves nothing saved.
    /// </summary>
    public async Task<Decision> SettleAsync(Application application, Decision verlening, Domain.Money.Money amount, SettlementGround? ground,
        string? reason, Actor by, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // The budget row first: two vaststellingen of one scheme are taken one after the other, and so are two clicks.
        var budget = await ledger.LockAsync(application.SchemeId, cancellationToken);
        if (await db.Decisions.AnyAsync(d => d.SettlesDecisionId == verlening.Id && d.ReopenedAt == null, cancellationToken))
            throw new DomainException("Vaststelling.AlreadySettled");
        var number = await db.Decisions.CountAsync(d => d.ApplicationId == application.Id, cancellationToken) + 1;
        var vaststelling = Decision.Settle(verlening, number, amount, ground, reason, by, now);
        db.Decisions.Add(vaststelling);
        // A grant made before budgets were kept (or demo data) has no reservation: then there is nothing to give back.
        if (budget.LiveReservationOf(application.Id) is { State: Domain.Budget.ReservationState.Granted })
            budget.Settle(application.Id, amount, by, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new DomainException("Vaststelling.AlreadySettled");
        }
        await transaction.CommitAsync(cancellationToken);
        return vaststelling;
    }
}
