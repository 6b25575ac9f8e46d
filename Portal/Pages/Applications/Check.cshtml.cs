using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Infrastructure;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>Check your answers: everything on one page with change links, then the declaration and the one submit button.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CheckModel(PortalDbContext db, ApplicationAccess access, UserManager<PortalUser> users, TimeProvider clock,
    PortalText text) : PageModel
{
    /// <summary>Only the three declarations bind: a forged "Status" or "Reference" field has nothing to bind to.</summary>
    [BindProperty] public DeclarationInput Input { get; set; } = new();

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<MissingItem> Missing { get; private set; } = [];
    public IReadOnlyList<DocumentKind> RequiredDocuments { get; private set; } = [];
    /// <summary>A coach helping someone who is not online sends in from the assisted page (written authorisation, recipients).</summary>
    public bool SendsInOnBehalf { get; private set; }
    public string ReturnHere => Url.Page("/Applications/Check", new { id = Application.Id })!;

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Application.IsEditable) return RedirectToPage("/Applications/Status", new { id });
        return Page();
    }

    [Needs(Capability.Submit)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var submit = new SubmitApplication(db, access, users, clock);
        var outcome = await submit.SubmitAsync(User, id, Input.AllAccepted, Input.DecisionsByEmail);
        switch (outcome)
        {
            case SubmitOutcome.NotFound:
                return NotFound();
            case SubmitOutcome.Submitted:
            case SubmitOutcome.AlreadySubmitted:
                return RedirectToPage("/Applications/Confirmation", new { id });
            case SubmitOutcome.DeclarationMissing:
                var first = !Input.TrueAndComplete ? nameof(Input.TrueAndComplete)
                    : !Input.WillReport ? nameof(Input.WillReport) : nameof(Input.MayBeChecked);
                ModelState.AddModelError($"{nameof(Input)}.{first}", text["Check.Declaration.Required"]);
                // Both at once: the member should not meet a second refusal after fixing the first.
                if (Input.DecisionsByEmail is null)
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.DecisionsByEmail)}", text["Dispatch.Ask.Required"]);
                break;
            case SubmitOutcome.DecisionsByEmailMissing:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.DecisionsByEmail)}", text["Dispatch.Ask.Required"]);
                break;
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        SendsInOnBehalf = await access.OnApplicationAsync(User, id) is { } grants
            && grants.Allows(Capability.SubmitOnBehalf) && !grants.Allows(Capability.Submit);
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        RequiredDocuments = Scheme.RequiredDocuments(application.Requested);
        Missing = SubmitApplication.Missing(Url, application, Scheme, Organisation, ReturnHere);
        return true;
    }

    public sealed class DeclarationInput
    {
        public bool TrueAndComplete { get; set; }
        public bool WillReport { get; set; }
        public bool MayBeChecked { get; set; }
        public bool AllAccepted => TrueAndComplete && WillReport && MayBeChecked;
        /// <summary>May decisions reach the member by email (Wmebv)? No default: the member chooses.</summary>
        public bool? DecisionsByEmail { get; set; }
    }
}
