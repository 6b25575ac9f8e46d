using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Staff;

/// <summary>Failed mail (/staff/mail): what the outbox could not deliver, with "send again". Admins only.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class MailModel(FailedMail failedMail, UserManager<PortalUser> users) : PageModel
{
    public IReadOnlyList<FailedMail.Row> Messages { get; private set; } = [];

    /// <summary>What the last "send again" did (after the redirect), for the notice at the top.</summary>
    public FailedMail.Outcome? Result { get; private set; }

    public async Task OnGetAsync(FailedMail.Outcome? result, CancellationToken cancellationToken)
    {
        Result = result;
        Messages = await failedMail.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await failedMail.SendAgainAsync(id, Guid.Parse(users.GetUserId(User)!));
        return outcome is null ? NotFound() : RedirectToPage(new { result = outcome });
    }
}
