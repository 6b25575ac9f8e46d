using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Coaching;

namespace Portal.Pages.Applications;

/// <summary>My applications: every application of the user's organisations, the latest change first.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Applications { get; private set; } = [];

    /// <summary>The person's requests for a coach of the last 90 days, the newest first, with the coach who has each.</summary>
    public IReadOnlyList<HelpRow> HelpRequests { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (access.UserId(User) is not { } userId) return;
        Applications = await db.Applications.AsNoTracking()
            .Where(a => db.Organisations.Any(o => o.Id == a.OrganisationId && o.Members.Any(m => m.UserId == userId)))
            .OrderByDescending(a => a.UpdatedAt)
            .Take(200)
            .Join(db.Schemes, a => a.SchemeId, s => s.Id, (a, s) => new { a, s.Slug })
            .Join(db.Organisations, x => x.a.OrganisationId, o => o.Id, (x, o) => new Row(
                x.a.Id, x.a.Title, x.a.AnswerLanguage, x.Slug, o.Name, x.a.Status, x.a.Reference, x.a.UpdatedAt))
            .ToListAsync();
        Applications = [.. Applications.OrderByDescending(r => r.UpdatedAt)];
        var since = clock.GetUtcNow().AddDays(-90);
        HelpRequests = await db.HelpRequests.AsNoTracking()
            .Where(r => r.Requester.UserId == userId && r.CreatedAt >= since)
            .OrderByDescending(r => r.CreatedAt)
            .Take(20)
            .Select(r => new HelpRow(r, db.CoachProfiles.Where(p => p.UserId == r.CoachId).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync();
    }

    public sealed record HelpRow(HelpRequest Request, string? CoachName);

    public sealed record Row(Guid Id, string? Title, string AnswerLanguage, string SchemeSlug, string OrganisationName,
        ApplicationStatus Status, string? Reference, DateTimeOffset UpdatedAt)
    {
        public bool IsDraft => Status == ApplicationStatus.Draft;
        public string LinkPage => IsDraft ? "/Applications/TaskList" : "/Applications/Status";
    }
}
