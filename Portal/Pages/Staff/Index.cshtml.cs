using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Domain.Accounts;

namespace Portal.Pages.Staff;

/// <summary>The staff start page; the inboxes of later issues hang off it. Opens only after a second factor.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet() => Roles = Domain.Accounts.Roles.Staff.Where(User.IsInRole).ToList();
}
