using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

/// <summary>How to reach a person. The "ask a coach" button points here until coaching requests exist.</summary>
[AllowAnonymous]
public sealed class HelpModel : PageModel
{
    public void OnGet() { }
}
