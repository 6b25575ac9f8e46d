using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages.Account;

/// <summary>The one answer after register, sign-in link and forgotten password, whether or not the address is known.</summary>
[AllowAnonymous]
public sealed class CheckEmailModel : PageModel
{
    public void OnGet() { }
}
