using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
