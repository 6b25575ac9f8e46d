using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>Withdrawing, with a plain explanation and one confirm button. The domain refuses it once there is a decision.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class WithdrawModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public bool CanWithdraw { get; private set; }
    public bool ChangedMeanwhile { get; private set; }

    [Needs(Capability.Withdraw)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    [Needs(Capability.Withdraw)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Application.Status == ApplicationStatus.Withdrawn) return Withdrawn(id);
        try
        {
            Application.Withdraw(await access.ActorOnApplicationAsync(User, id), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DomainException)
        {
            // Decided meanwhile (or never possible): the page says why, without a button.
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ChangedMeanwhile = true;
            return Page();
        }
        return Withdrawn(id);
    }

    // "true", not true: a bool route value would be written "True".
    private RedirectToPageResult Withdrawn(Guid id) => RedirectToPage("/Applications/Status", new { id, withdrawn = "true" });

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        CanWithdraw = ApplicationStateMachine.CanMove(application.Status, ApplicationStatus.Withdrawn);
        return true;
    }
}
