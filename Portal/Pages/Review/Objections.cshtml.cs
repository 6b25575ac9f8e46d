using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Decisions;
using Portal.Domain.Review;

namespace Portal.Pages.Review;

/// <summary>
/// The staff list of objections (issue 12, point 4): those that wait first, oldest first, each marked on time or late (the
/// lateness is for staff to judge, art. 6:11 Awb), then the ones whose decision was reopened. For reviewers, approvers and
/// administrators; a coach is staff too but never sees it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ObjectionsModel(PortalDbContext db) : PageModel
{
    public const int Shown = 200;

    public sealed record Row(Guid ApplicationId, string Reference, string OrganisationName, int DecisionNumber, DateOnly ReceivedOn,
        DateOnly LastDay, bool IsLate, DateTimeOffset? DecisionReopenedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!(User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.Approver) || User.IsInRole(Roles.Admin))) return NotFound();
        Rows = await (
                from o in db.Set<Objection>()
                join c in db.Set<ReviewCase>() on o.ApplicationId equals c.ApplicationId
                orderby o.DecisionReopenedAt != null, o.LodgedAt
                select new Row(o.ApplicationId, c.Reference, c.OrganisationName, o.DecisionNumber, o.ReceivedOn, o.LastDay, o.IsLate,
                    o.DecisionReopenedAt))
            .AsNoTracking().Take(Shown).ToListAsync();
        return Page();
    }
}
