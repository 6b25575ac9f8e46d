using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>The KvK number, asked only of associations, foundations and other registered organisations (advice 6.1).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class KvkModel(ApplicationAccess access, PortalDbContext db, PortalText text)
    : OrganisationPageModel(access, db, text)
{
    public override Step Step => Step.Kvk;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? KvkNumber { get; set; }
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Organisation.Kind is OrganisationKind.InformalGroup) return NotForThisGroup();
        Input.KvkNumber = Organisation.KvkNumber;
        return Page();
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Organisation.Kind is OrganisationKind.InformalGroup) return NotForThisGroup();
        return await SaveAsync("Input.KvkNumber", (o, by, now) => o.RegisterKvk(Input.KvkNumber, by, now));
    }

    /// <summary>An informal group is never asked for a KvK number: an old link to this step leads to the profile.</summary>
    private RedirectToPageResult NotForThisGroup() => RedirectToPage("/Organisation/Index", new { id = Organisation.Id });
}
