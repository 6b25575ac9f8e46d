using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>How the group is organised, in its own words and in any language.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AboutModel(ApplicationAccess access, PortalDbContext db, PortalText text)
    : OrganisationPageModel(access, db, text)
{
    public const int MaxLength = 2000;

    public override Step Step => Step.About;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? HowOrganised { get; set; }
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.HowOrganised = Organisation.HowOrganised;
        return Page();
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var value = Clean(Input.HowOrganised);
        if (value?.Length > MaxLength) ModelState.AddModelError("Input.HowOrganised", Text["Organisation.About.TooLong", MaxLength]);
        if (!ModelState.IsValid) return Page();
        return await SaveAsync("Input.HowOrganised",
            (o, by, now) => o.Describe(o.Kind, value, o.Neighbourhood, o.ContactName, o.ContactPhone, o.FirstApplication, by, now));
    }
}
