using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>
/// How the money reaches the group: its own bank account, or a host organisation (penvoerder) that receives and manages
/// it — so a group without a bank account can still apply (advice 6.1). Only the fields of the chosen route are read.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PaymentModel(ApplicationAccess access, PortalDbContext db, PortalText text)
    : OrganisationPageModel(access, db, text)
{
    private const int MaxName = 200;

    public override Step Step => Step.Payment;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Route { get; set; }
        public string? Iban { get; set; }
        public string? AccountHolder { get; set; }
        public string? HostName { get; set; }
        public string? HostContactName { get; set; }
        public string? HostEmail { get; set; }
        public string? HostAgreement { get; set; }
    }

    public bool Chosen(PaymentRoute route) => Input.Route == route.ToString();

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var o = Organisation;
        Input = new InputModel
        {
            Route = o.PaymentRoute?.ToString(),
            Iban = Domain.Organisations.Iban.TryParse(o.Iban, out _)?.Formatted ?? o.Iban,
            AccountHolder = o.AccountHolder,
            HostName = o.HostName,
            HostContactName = o.HostContactName,
            HostEmail = o.HostEmail,
            HostAgreement = o.HostAgreementConfirmed ? "true" : null,
        };
        return Page();
    }

    [Needs(Capability.EditOrganisation)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Chosen(PaymentRoute.OwnAccount))
        {
            var iban = Domain.Organisations.Iban.TryParse(Input.Iban, out var ibanError);
            if (ibanError is not null) ModelState.AddModelError("Input.Iban", Text[ibanError]);
            Require("Input.AccountHolder", Input.AccountHolder, "Organisation.AccountHolder.Required");
            if (!ModelState.IsValid) return Page();
            return await SaveAsync("Input.AccountHolder", (o, by, now) => o.PayToOwnAccount(iban!, Input.AccountHolder!, by, now));
        }
        if (Chosen(PaymentRoute.HostOrganisation))
        {
            Require("Input.HostName", Input.HostName, "Organisation.Host.Name.Required");
            Require("Input.HostContactName", Input.HostContactName, "Organisation.Host.Contact.Required");
            var email = Clean(Input.HostEmail);
            if (email is null || email.Length > 320 || !email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')
                || UserText.NameProblem(email) is not null)
                ModelState.AddModelError("Input.HostEmail", Text["Organisation.Host.Email.Invalid"]);
            var agreed = Input.HostAgreement == "true";
            if (!agreed) ModelState.AddModelError("Input.HostAgreement", Text["Organisation.Host.Agreement.Required"]);
            if (!ModelState.IsValid) return Page();
            return await SaveAsync("Input.HostName", (o, by, now) => o.PayThroughHost(Input.HostName!, Input.HostContactName!, email!, agreed, by, now));
        }
        ModelState.AddModelError("Input.Route", Text["Payment.Route.Required"]);
        return Page();
    }

    private void Require(string field, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value)) ModelState.AddModelError(field, Text[key]);
        else if (UserText.NameProblem(value) is { } problem) ModelState.AddModelError(field, Text[problem]);
        else if (value.Trim().Length > MaxName) ModelState.AddModelError(field, Text["Payment.TooLong"]);
    }
}
