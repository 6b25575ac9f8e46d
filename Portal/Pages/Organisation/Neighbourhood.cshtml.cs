using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>The district (wijk) or neighbourhood (buurt) where the group is active; Nijmegen's names are not translated.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NeighbourhoodModel(ApplicationAccess access, PortalDbContext db, PortalText text)
    : OrganisationPageModel(access, db, text)
{
    public override Step Step => Step.Neighbourhood;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Neighbourhood { get; set; }
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.Neighbourhood = Organisation.Neighbourhood;
        return Page();
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var value = Clean(Input.Neighbourhood);
        if (value is null) ModelState.AddModelError("Input.Neighbourhood", Text["Organisation.Neighbourhood.Required"]);
        if (!ModelState.IsValid) return Page();
        // An unknown value (a forged post) is refused by the domain with its own message.
        return await SaveAsync("Input.Neighbourhood",
            (o, by, now) => o.Describe(o.Kind, o.HowOrganised, value, o.ContactName, o.ContactPhone, o.FirstApplication, by, now));
    }
}
