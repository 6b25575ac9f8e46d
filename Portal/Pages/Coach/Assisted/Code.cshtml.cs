using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Common;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Pages.Coach.Assisted;

/// <summary>
/// Makes the code with which the person takes the group over: printed to hand over, or emailed. The code is shown once,
/// on this printable page, and never stored (only its hash); a new code replaces the old one.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CodeModel(AssistedApplications assisted, ApplicationAccess access, EmailOutbox outbox, PortalText text, PublicLinks links)
    : AssistedPageModel
{
    [BindProperty] public bool ByEmail { get; set; }

    public AssistedApplication Assisted { get; private set; } = default!;
    public string? OrganisationName { get; private set; }
    /// <summary>The new code, only in the answer to the post that made it.</summary>
    public string? NewCode { get; private set; }
    public string TakeOverLink => links.Page("/Coach/Assisted/TakeOver");

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            NewCode = await assisted.IssueTakeoverCodeAsync(Assisted, ByEmail, code =>
                outbox.Enqueue(Assisted.PersonEmail!, Assisted.PersonLanguage, culture =>
                    (text["Assisted.Email.Takeover.Subject"],
                        text["Assisted.Email.Takeover.Body", Assisted.CoachName, OrganisationName ?? "", code, TakeOverLink,
                            ApplicationDisplay.Date(Assisted.TakeoverCodeExpiresAt!.Value)])));
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(ByEmail), text[e.MessageKey]);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await assisted.ForAsync(await access.OnApplicationAsync(User, id), id) is not { } found
            || await access.ApplicationAsync(User, id) is not { } application)
            return false;
        Assisted = found;
        OrganisationName = (await access.ApplicantOfAsync(application)).Name;
        return true;
    }
}
