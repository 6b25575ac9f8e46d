using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Decisions;

namespace Portal.Objections;

/// <summary>
/// The mark on every reviewer page of one application (in its sub-navigation) while an objection to its decision waits: when
/// it came, whether late, and where to read it. One small indexed query.
/// </summary>
public sealed class ObjectionMarkViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId)
    {
        var open = await db.Set<Objection>().AsNoTracking().Where(o => o.ApplicationId == applicationId && o.DecisionReopenedAt == null)
            .OrderByDescending(o => o.LodgedAt).FirstOrDefaultAsync();
        return View((applicationId, open));
    }
}

/// <summary>Above the reviewers' inbox: how many objections wait, with the link to their list.</summary>
public sealed class OpenObjectionsViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await db.Set<Objection>().CountAsync(o => o.DecisionReopenedAt == null));
}
