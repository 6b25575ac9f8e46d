using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>Whether this is the group's first application: newcomers get extra help, and monitoring counts them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FirstApplicationModel(ApplicationAccess access, PortalDbContext db, PortalText text)
    : OrganisationPageModel(access, db, text)
{
    public override Step Step => Step.FirstApplication;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? FirstApplication { get; set; }
    }

    public RadioGroup Question => RadioGroup.YesNo("Input.FirstApplication", "Organisation.FirstApplication.Title",
        "Organisation.FirstApplication.Hint", Input.FirstApplication switch { "true" => true, "false" => false, _ => null });

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.FirstApplication = Organisation.FirstApplication switch { true => "true", false => "false", null => null };
        return Page();
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        bool? answer = Input.FirstApplication switch { "true" => true, "false" => false, _ => null };
        if (answer is null) ModelState.AddModelError("Input.FirstApplication", Text["Organisation.FirstApplication.Required"]);
        if (!ModelState.IsValid) return Page();
        return await SaveAsync("Input.FirstApplication",
            (o, by, now) => o.Describe(o.Kind, o.HowOrganised, o.Neighbourhood, o.ContactName, o.ContactPhone, answer, by, now));
    }
}
