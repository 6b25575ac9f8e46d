using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Infrastructure;

namespace Portal.Pages.Organisations;

/// <summary>A member asks for another coach (issue 10, point 6): no reason asked, the group's next request goes to someone else.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CoachModel(ApplicationAccess access, PortalDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Only the form's answer is a page: the address on its own leads to the group's page.</summary>
    [Needs(Capability.EditOrganisation)]
    public IActionResult OnGet(Guid id) => RedirectToPage("/Organisation/Index", new { id });

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id, string? returnUrl)
    {
        if (await access.OrganisationAsync(User, id, Capability.EditOrganisation) is not { } organisation) return NotFound();
        organisation.AskForAnotherCoach(await access.ActorOnOrganisationAsync(User, id), clock.GetUtcNow());
        await db.SaveChangesAsync();
        ReturnUrl = Url.LocalOrNull(returnUrl);
        return Page();
    }

    public string? ReturnUrl { get; private set; }
}
