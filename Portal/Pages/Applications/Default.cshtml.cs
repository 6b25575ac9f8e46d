using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Applications;

/// <summary>
/// The notice of default (ingebrekestelling, art. 4:17 Awb): once the legal decision date has passed, a member tells the
/// municipality it is late, in plain words with what happens next, and one button. Receipt is confirmed on the page and
/// by email at once.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DefaultModel(PortalDbContext db, ApplicationAccess access, PortalText text, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public DecisionTerm? Term { get; private set; }
    public bool MaySend { get; private set; }

    [BindProperty]
    public string? Statement { get; set; }

    [Needs(Capability.SendDefaultNotice)]
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    [Needs(Capability.SendDefaultNotice)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // A second click, or another member who sent one meanwhile: the first notice counts and the page shows it.
        if (Application.DefaultNotice is not null) return RedirectToPage(new { id });
        try
        {
            Application.SendDefaultNotice(Scheme, Statement, await access.ActorOnApplicationAsync(User, id), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(Statement), text[e.MessageKey]);
            return Page();
        }
        catch (DbUpdateException)
        {
            // Two members at the same moment: the unique index kept one, and that one is the notice; anything else is a fault.
            db.ChangeTracker.Clear();
            if (!await db.Set<DefaultNotice>().AnyAsync(n => n.ApplicationId == id)) throw;
        }
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        var now = clock.GetUtcNow();
        Term = application.DecisionTerm(Scheme, AtwCalendar.Netherlands, now);
        MaySend = application.MaySendDefaultNotice(Scheme, now);
        return true;
    }
}
