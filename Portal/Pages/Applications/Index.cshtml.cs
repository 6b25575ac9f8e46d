using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;

namespace Portal.Pages.Applications;

/// <summary>My applications: every application of the user's organisations, the latest change first.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PortalDbContext db, ApplicationAccess access) : PageModel
{
    public IReadOnlyList<Row> Applications { get; private set; } = [];

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
    }

    public sealed record Row(Guid Id, string? Title, string AnswerLanguage, string SchemeSlug, string OrganisationName,
        ApplicationStatus Status, string? Reference, DateTimeOffset UpdatedAt)
    {
        public bool IsDraft => Status == ApplicationStatus.Draft;
        public string LinkPage => IsDraft ? "/Applications/TaskList" : "/Applications/Status";
    }
}
