using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Budget;
using Portal.Domain.Schemes;

namespace Portal.Review;

/// <summary>
/// The schemes' budgets as read models: per scheme the ceiling, what is held, what is granted and what is left
/// (<see cref="RemainingBudget"/>), read from the totals the database keeps per scheme (<see cref="SchemeBudgetTotal"/>),
/// so the inbox can show it above every page at 100,000 applications.
/// </summary>
public static class BudgetOverview
{
    public static async Task<IReadOnlyList<RemainingBudget>> RemainingAsync(PortalDbContext db, IReadOnlyCollection<int>? schemeIds = null,
        CancellationToken cancellationToken = default)
    {
        var schemes = db.Schemes.AsNoTracking();
        if (schemeIds is not null) schemes = schemes.Where(s => schemeIds.Contains(s.Id));
        var ceilings = await schemes.OrderBy(s => s.Id).Select(s => new { s.Id, s.BudgetCeilingCents }).ToListAsync(cancellationToken);
        return await RemainingAsync(db, ceilings.Select(c => (c.Id, c.BudgetCeilingCents)).ToList(), cancellationToken);
    }

    /// <summary>The same for schemes the caller has loaded already: one round trip, for the sums.</summary>
    public static async Task<IReadOnlyList<RemainingBudget>> RemainingAsync(PortalDbContext db, IReadOnlyList<Scheme> schemes,
        CancellationToken cancellationToken = default) =>
        await RemainingAsync(db, schemes.OrderBy(s => s.Id).Select(s => (s.Id, s.BudgetCeilingCents)).ToList(), cancellationToken);

    private static async Task<IReadOnlyList<RemainingBudget>> RemainingAsync(PortalDbContext db, IReadOnlyList<(int Id, long CeilingCents)> ceilings,
        CancellationToken cancellationToken)
    {
        var ids = ceilings.Select(c => c.Id).ToList();
        var totals = await db.Set<SchemeBudgetTotal>().AsNoTracking().Where(t => ids.Contains(t.SchemeId)).ToDictionaryAsync(t => t.SchemeId, cancellationToken);
        return ceilings.Select(c => new RemainingBudget(c.Id, new(c.CeilingCents),
                new(totals.GetValueOrDefault(c.Id)?.ReservedCents ?? 0), new(totals.GetValueOrDefault(c.Id)?.GrantedCents ?? 0)))
            .ToList();
    }

    /// <summary>
    /// Each scheme with whether its budget is spent, in the query that loads the schemes (a public page stays at its
    /// database round trips: the totals are one row per scheme).
    /// </summary>
    public static IQueryable<SchemeWithBudget> WithBudget(this IQueryable<Scheme> schemes, PortalDbContext db) =>
        schemes.Select(s => new SchemeWithBudget(s,
            s.BudgetCeilingCents - db.Set<SchemeBudgetTotal>().Where(t => t.SchemeId == s.Id).Select(t => t.ReservedCents + t.GrantedCents).FirstOrDefault() <= 0));

    /// <summary>The schemes whose budget is spent: granted or held for applications already in line.</summary>
    public static async Task<IReadOnlySet<int>> SpentAsync(PortalDbContext db, IReadOnlyCollection<int> schemeIds,
        CancellationToken cancellationToken = default) =>
        (await RemainingAsync(db, schemeIds, cancellationToken)).Where(r => r.IsSpent).Select(r => r.SchemeId).ToHashSet();
}

/// <summary>A scheme and whether its budget is spent (nothing left that is neither granted nor held).</summary>
public sealed record SchemeWithBudget(Scheme Scheme, bool BudgetSpent);
