using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

/// <summary>
/// The accessibility statement in the form Dutch government sites use (issue 8, 5.3): the standard, the status, what
/// does not work yet and whom to contact. Public, linked from every footer.
/// </summary>
[AllowAnonymous]
public sealed class AccessibilityModel : PageModel
{
    /// <summary>The month of the last accessibility check; move it with each check (E2E walk with axe, keyboard, 320 px, Arabic).</summary>
    public static readonly DateOnly LastChecked = new(2026, 12, 1);

    public void OnGet() { }
}
