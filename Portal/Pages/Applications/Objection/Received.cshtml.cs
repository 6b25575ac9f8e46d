using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Schemes;
using Portal.Objections;

namespace Portal.Pages.Applications.Objection;

/// <summary>
/// The receipt of the objection (art. 6:14 Awb): the day it was received, what was sent (text and files), whether it was on
/// time, and what happens next. For everyone who may see the application (staff read it as the group does).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReceivedModel(ApplicationAccess access, ObjectionDesk desk) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Domain.Decisions.Objection Objection { get; private set; } = default!;
    public IReadOnlyList<Attachment> Files { get; private set; } = [];

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return NotFound();
        if ((await desk.ObjectionsAsync(id)).FirstOrDefault() is not { } objection) return RedirectToPage("/Applications/Status", new { id });
        (Application, Objection) = (application, objection);
        Scheme = await access.SchemeOfAsync(application);
        Files = application.ObjectionFiles(objection.Id);
        return Page();
    }
}
