using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Budget;
using Portal.Domain.Schemes;

namespace Portal.Review;

/// <summary>
/// The schemes' budgets as read models: per scheme the ceiling, what is held, what is granted and what is left
/// (<see cref="RemainingBudget"/>), summed by the database over a covering index (no reservation rows come back), so the
/// inbox can show it above every page at 100,000 applications.
/// </summary>
public static class BudgetOverview
{
    public static async Task<IReadOnlyList<RemainingBudget>> RemainingAsync(PortalDbContext db, IReadOnlyCollection<int>? schemeIds = null,
        CancellationToken cancellationToken = default)
    {
        var schemes = db.Schemes.AsNoTracking();
        if (schemeIds is not null) schemes = schemes.Where(s => schemeIds.Contains(s.Id));
        var ceilings = await schemes.OrderBy(s => s.Id).Select(s => new { s.Id, s.BudgetCeilingCents }).ToListAsync(cancellationToken);
        var reservations = db.Set<BudgetReservation>().Where(r => r.State != ReservationState.Released);
        if (schemeIds is not null) reservations = reservations.Where(r => schemeIds.Contains(r.SchemeId));
        var sums = await reservations
            .GroupBy(r => new { r.SchemeId, r.State })
            .Select(g => new { g.Key.SchemeId, g.Key.State, Held = g.Sum(r => r.AmountCents), Granted = g.Sum(r => r.GrantedCents ?? 0) })
            .ToListAsync(cancellationToken);
        return ceilings.Select(c => new RemainingBudget(c.Id, new(c.BudgetCeilingCents),
                new(sums.Where(s => s.SchemeId == c.Id && s.State == ReservationState.Reserved).Sum(s => s.Held)),
                new(sums.Where(s => s.SchemeId == c.Id && s.State == ReservationState.Granted).Sum(s => s.Granted))))
            .ToList();
    }

    /// <summary>
    /// Each scheme with whether its budget is spent, in the query that loads the schemes (a public page stays at its
    /// database round trips: the sum is a subquery over the covering index).
    /// </summary>
    public static IQueryable<SchemeWithBudget> WithBudget(this IQueryable<Scheme> schemes, PortalDbContext db) =>
        schemes.Select(s => new SchemeWithBudget(s,
            s.BudgetCeilingCents - db.Set<BudgetReservation>().Where(r => r.SchemeId == s.Id && r.State != ReservationState.Released)
                .Sum(r => r.State == ReservationState.Reserved ? r.AmountCents : r.GrantedCents ?? 0) <= 0));

    /// <summary>The schemes whose budget is spent: granted or held for applications already in line.</summary>
    public static async Task<IReadOnlySet<int>> SpentAsync(PortalDbContext db, IReadOnlyCollection<int> schemeIds,
        CancellationToken cancellationToken = default) =>
        (await RemainingAsync(db, schemeIds, cancellationToken)).Where(r => r.IsSpent).Select(r => r.SchemeId).ToHashSet();
}

/// <summary>A scheme and whether its budget is spent (nothing left that is neither granted nor held).</summary>
public sealed record SchemeWithBudget(Scheme Scheme, bool BudgetSpent);
