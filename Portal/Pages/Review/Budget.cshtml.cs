using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Budget;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Review;

namespace Portal.Pages.Review;

/// <summary>
/// The schemes' budgets (issue 11, point 9): per scheme the ceiling, what is held, granted and left, and the order in
/// which complete applications wait for it — with the day each became complete and its place in that day's draw, or its
/// rank. Reviewers and approvers, after a second factor. Opening the page holds the draws of the days that are over.
/// </summary>
[Authorize(Policy = Policies.Staff, Roles = Roles.Reviewer + "," + Roles.Approver)]
public sealed class BudgetModel(PortalDbContext db, BudgetLedger ledger, TimeProvider clock) : PageModel
{
    /// <summary>At most this many waiting applications per scheme on the page; the rest are counted.</summary>
    public const int QueueShown = 100;
    /// <summary>The most recent draws shown; every draw stays in the database and in the audit trail.</summary>
    public const int DrawsShown = 10;

    /// <summary>One application in line, and whether what is left after those before it covers it (in full, in part, not at all).</summary>
    public sealed record Waiting(Guid ApplicationId, string? Reference, BudgetReservation Reservation, BudgetOfferKind Fits);

    public sealed record SchemeRow(Scheme Scheme, BudgetOrder Order, RemainingBudget Budget, IReadOnlyList<Waiting> Queue, int QueueCount,
        IReadOnlyList<BudgetDraw> Draws, IReadOnlyDictionary<DateOnly, int> DrawCounts);

    public IReadOnlyList<SchemeRow> Schemes { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = NijmegenTime.DayOf(clock.GetUtcNow());
        await ledger.HoldDrawsAsync(cancellationToken);
        var schemes = await db.Schemes.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var remaining = (await BudgetOverview.RemainingAsync(db, cancellationToken: cancellationToken)).ToDictionary(r => r.SchemeId);
        var budgets = await db.Set<SchemeBudget>().AsNoTracking()
            .Include(b => b.Reservations.Where(r => r.State == ReservationState.Reserved))
            .Include(b => b.Draws)
            .ToDictionaryAsync(b => b.SchemeId, cancellationToken);
        var ids = budgets.Values.SelectMany(b => b.Reservations).Select(r => r.ApplicationId).ToList();
        var references = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Id, a => a.Reference, cancellationToken);

        Schemes = schemes.Select(scheme =>
        {
            var budget = budgets.GetValueOrDefault(scheme.Id) ?? new SchemeBudget(scheme.Id);
            var queue = budget.Queue();
            var rows = new List<Waiting>();
            var heldBefore = 0L;
            var left = scheme.BudgetCeilingCents - remaining[scheme.Id].Granted.Cents;
            foreach (var reservation in queue.Take(QueueShown))
            {
                var offer = new BudgetOffer(reservation.Amount, new(Math.Max(0, left - heldBefore)));
                rows.Add(new Waiting(reservation.ApplicationId, references.GetValueOrDefault(reservation.ApplicationId), reservation, offer.Kind));
                heldBefore += reservation.AmountCents;
            }
            var counts = budget.Draws.ToDictionary(d => d.Day, d => d.Count);
            return new SchemeRow(scheme, budget.Order, remaining[scheme.Id], rows, queue.Count,
                budget.Draws.OrderByDescending(d => d.Day).Take(DrawsShown).ToList(), counts);
        }).ToList();
    }
}
