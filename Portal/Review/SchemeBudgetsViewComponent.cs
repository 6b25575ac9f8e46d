using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Budget;

namespace Portal.Review;

/// <summary>
/// The remaining budget of each open scheme, for above the reviewers' inbox (issue 11, point 1): ceiling, held, granted
/// and left, with a link to the order on /review/budget. The inbox passes the schemes it loaded; the sums are one query.
/// A closed scheme is shown while it still holds budget for applications waiting for their decision.
/// </summary>
public sealed class SchemeBudgetsViewComponent(PortalDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Row(string Slug, RemainingBudget Budget);

    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyList<Domain.Schemes.Scheme> schemes)
    {
        var today = Domain.Terms.NijmegenTime.DayOf(clock.GetUtcNow());
        var remaining = (await BudgetOverview.RemainingAsync(db, schemes)).ToDictionary(r => r.SchemeId);
        return View(schemes.Where(s => s.ClosesOn >= today || remaining[s.Id].Reserved.Cents > 0).OrderBy(s => s.Id)
            .Select(s => new Row(s.Slug, remaining[s.Id])).ToList());
    }
}
