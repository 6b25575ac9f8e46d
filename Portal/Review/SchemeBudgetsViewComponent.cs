using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Budget;

namespace Portal.Review;

/// <summary>
/// The remaining budget of each open scheme, for above the reviewers' inbox (issue 11, point 1): ceiling, held, granted
/// and left, with a link to the order on /review/budget. One query for the sums, one for the schemes.
/// </summary>
public sealed class SchemeBudgetsViewComponent(PortalDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Row(string Slug, RemainingBudget Budget);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = Domain.Terms.NijmegenTime.DayOf(clock.GetUtcNow());
        var schemes = await db.Schemes.AsNoTracking().Where(s => s.ClosesOn >= today || db.Set<BudgetReservation>().Any(r => r.SchemeId == s.Id && r.State == ReservationState.Reserved))
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Slug }).ToListAsync();
        var remaining = (await BudgetOverview.RemainingAsync(db, schemes.Select(s => s.Id).ToList())).ToDictionary(r => r.SchemeId);
        return View(schemes.Select(s => new Row(s.Slug, remaining[s.Id])).ToList());
    }
}
