using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>Who the municipality may call with a question: a name and a phone number, nothing more.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ContactModel(ApplicationAccess access, PortalDbContext db, PortalText text)
    : OrganisationPageModel(access, db, text)
{
    public override Step Step => Step.Contact;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.ContactName = Organisation.ContactName;
        Input.ContactPhone = Organisation.ContactPhone;
        return Page();
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var name = Clean(Input.ContactName);
        var phone = Clean(Input.ContactPhone);
        if (UserText.NameProblem(Input.ContactName) is { } problem) ModelState.AddModelError("Input.ContactName", Text[problem]);
        else if (name?.Length > 200) ModelState.AddModelError("Input.ContactName", Text["Organisation.Contact.Name.TooLong"]);
        if (phone is not null && !IsPhoneNumber(phone)) ModelState.AddModelError("Input.ContactPhone", Text["Organisation.Contact.Phone.Invalid"]);
        if (!ModelState.IsValid) return Page();
        return await SaveAsync("Input.ContactName",
            (o, by, now) => o.Describe(o.Kind, o.HowOrganised, o.Neighbourhood, name, phone, o.FirstApplication, by, now));
    }

    /// <summary>Digits with the usual separators, as people write Dutch and foreign numbers: 06-12345678, +31 6 1234 5678.</summary>
    private static bool IsPhoneNumber(string value) =>
        value.Length <= 40
        && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '.')
        && value.Count(char.IsAsciiDigit) is >= 6 and <= 15;
}
