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

    /// <summary>Admins get the links of the admin pages (which check the Admin policy themselves).</summary>
    public bool IsAdmin => Roles.Contains(Domain.Accounts.Roles.Admin);

    public void OnGet() => Roles = Domain.Accounts.Roles.Staff.Where(User.IsInRole).ToList();
}
