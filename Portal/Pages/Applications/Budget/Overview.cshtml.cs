using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Schemes;

namespace Portal.Pages.Applications.Budget;

/// <summary>
/// The budget as a document of its own, to read or print (issue 8, 5.6): above the scheme's threshold the budget plan
/// it asks for is this typed cost overview, so nobody uploads as a file what they have just typed in.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OverviewModel(ApplicationAccess access) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return NotFound();
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        return Page();
    }
}
