using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>
/// "/applications/{id}/submit" is where people expect submitting to be: it forwards to the check page, which holds the
/// declaration and the one submit button (so every answer is seen once more before sending).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SubmitModel : PageModel
{
    [Needs(Capability.ViewApplication)]
    public IActionResult OnGet(Guid id) => ToDeclaration(id);

    [Needs(Capability.Submit)]
    public IActionResult OnPost(Guid id) => ToDeclaration(id);

    private RedirectToPageResult ToDeclaration(Guid id) => RedirectToPage("/Applications/Check", pageHandler: null, new { id }, fragment: "declaration");
}
