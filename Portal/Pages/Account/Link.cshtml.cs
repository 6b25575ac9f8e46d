using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.SignInLink)]
public sealed class LinkModel(SignInLinks links, UserManager<PortalUser> users, PortalSignInManager signIn, SignInFlow flow, AuditLog audit)
    : PageModel
{
    public bool Invalid { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        var userId = string.IsNullOrEmpty(token) ? null : await links.RedeemAsync(token);
        if (userId is null || await users.FindByIdAsync(userId.Value.ToString()) is not { } user || await users.IsLockedOutAsync(user))
        {
            Invalid = true;
            return Page();
        }
        await audit.RecordNowAsync(AuditKinds.SignInLinkUsed, user.Id, user.Email);
        if (!user.EmailConfirmed)
        {
            // Opening a link sent to the address proves the address.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        var result = await signIn.SignInWithLinkAsync(user);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/TwoFactor");
        await flow.CompletedAsync(Response, user, "link");
        return LocalRedirect("/");
    }
}
