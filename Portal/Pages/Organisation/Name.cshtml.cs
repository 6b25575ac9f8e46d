using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

[Authorize(Policy = Policies.SignedIn)]
public sealed class NameModel(ApplicationAccess access, PortalDbContext db, PortalText text)
    : OrganisationPageModel(access, db, text), INameAndKindPage
{
    public override Step Step => Step.Name;

    [BindProperty] public NameInput Input { get; set; } = new();

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new NameInput { Name = Organisation.Name, Kind = Organisation.Kind.ToString() };
        return Page();
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        foreach (var (field, key) in Input.Errors()) ModelState.AddModelError(field, Text[key]);
        if (!ModelState.IsValid) return Page();
        return await SaveAsync("Input.Name", (o, by, now) =>
        {
            o.Rename(Input.Name!, by, now);
            // Becoming an informal group drops a KvK number (the domain does that).
            o.Describe(Input.ParsedKind!.Value, o.HowOrganised, o.Neighbourhood, o.ContactName, o.ContactPhone, o.FirstApplication, by, now);
        });
    }
}
