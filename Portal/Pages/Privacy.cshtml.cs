using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

/// <summary>
/// The privacy statement in plain language (issue 8, 5.3): what is stored, why, how long, who sees it, that nothing goes
/// to other departments and that applying has no consequences elsewhere. Public: people read it before they sign up.
/// </summary>
[AllowAnonymous]
public sealed class PrivacyModel : PageModel
{
    public void OnGet() { }
}
