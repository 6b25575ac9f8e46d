using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Coaching;
using Portal.Domain.Languages;

namespace Portal.Pages;

/// <summary>
/// How to reach a person: the municipality's phone, desk and email, asking a coach, and the walk-in hours of every coach,
/// grouped by the languages spoken there (issue 10, point 5), so someone can walk in where their language is spoken.
/// </summary>
[AllowAnonymous]
public sealed class HelpModel(PortalDbContext db) : PageModel
{
    public sealed record WalkIn(string Coach, WalkInHours Hours);

    public IReadOnlyList<(string Language, IReadOnlyList<WalkIn> WalkIns)> WalkInsByLanguage { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var coaches = await db.CoachProfiles.AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        WalkInsByLanguage = AnswerLanguages.All
            .Select(l => (l.Code, (IReadOnlyList<WalkIn>)coaches.Where(c => c.Speaks(l.Code))
                .SelectMany(c => c.WalkIns.Select(w => new WalkIn(c.Name, w))).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
    }
}
