using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Decisions;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Schemes;

namespace Portal.Pages.Applications;

/// <summary>
/// The decision letter for the group (issue 12, point 2): the decision that stands, or an earlier version by its number —
/// which then says plainly that it no longer stands. A member opening it is recorded once (the municipality shows receipt
/// with it: <see cref="Decision.OpenedByApplicant"/>). Members and the coaches they let in read it; anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DecisionModel(ApplicationAccess access, PortalDbContext db, DecisionLetters letters, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public DecisionLetter Letter { get; private set; } = default!;
    public Decision Shown { get; private set; } = default!;
    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<Decision> Versions { get; private set; } = [];
    /// <summary>The decision that stands now, if any (null after a reopening until the next decision).</summary>
    public Decision? Current { get; private set; }

    [Needs(Capability.ReadDecision)]
    public async Task<IActionResult> OnGetAsync(Guid id, int? number)
    {
        if (await access.ApplicationAsync(User, id, Capability.ReadDecision) is not { } application) return NotFound();
        var versions = await db.Decisions.Where(d => d.ApplicationId == id).OrderBy(d => d.Number).ToListAsync();
        // No decision yet (also for an old link to a version): the status page says where the application stands.
        if (versions.Count == 0) return RedirectToPage("/Applications/Status", new { id });
        Current = versions.LastOrDefault(d => d.Stands);
        var shown = number is { } wanted ? versions.FirstOrDefault(d => d.Number == wanted) : Current ?? versions[^1];
        if (shown is null) return NotFound();
        (Application, Scheme, Shown, Versions) = (application, await access.SchemeOfAsync(application), shown, versions);

        await OpenedAsync(shown, id);
        var source = await letters.SourceAsync(shown);
        Letter = letters.Write(source, DecisionLetters.SummaryLanguage(application.AnswerLanguage, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
        return Page();
    }

    /// <summary>A member of the group opened the decision: the first time is kept (and audited); a coach's reading is not receipt.</summary>
    private async Task OpenedAsync(Decision decision, Guid id)
    {
        if (decision.FirstOpenedAt is not null || await access.OnApplicationAsync(User, id) is not { } grants
            || !grants.Kinds.Contains(GrantKind.Member) || access.UserId(User) is not { } me)
            return;
        decision.OpenedByApplicant(Actor.Applicant(me), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another member (or another tab) opened it at the same moment: that first opening is the one on record.
            await db.Entry(decision).ReloadAsync();
        }
    }
}
