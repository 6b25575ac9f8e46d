using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;

namespace Portal.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(PortalSignInManager signIn, UserManager<PortalUser> users, AuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
            await audit.RecordNowAsync(AuditKinds.SignedOut, user.Id, user.Email);
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
