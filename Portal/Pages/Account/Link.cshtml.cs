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
            await audit.RecordNowAsync(AuditKinds.SignInLinkRefused, userId, null);
            Invalid = true;
            return Page();
        }
        await audit.RecordNowAsync(AuditKinds.SignInLinkUsed, user.Id, user.Email);
        if (!user.EmailConfirmed)
        {
            // Opening a link sent to the address proves the address, but not who chose the password set before: someone
            // may have registered this address with a password of their own (pre-hijacking). That password is dropped
            // and the security stamp renewed, so nothing set before the address was proven still opens the account.
            user.EmailConfirmed = true;
            if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
            else await users.UpdateSecurityStampAsync(user);
            await audit.RecordNowAsync(AuditKinds.EmailConfirmed, user.Id, user.Email, "sign-in link, password dropped");
        }
        var result = await signIn.SignInWithLinkAsync(user);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/TwoFactor");
        await flow.CompletedAsync(Response, user, "link");
        return RedirectToPage("/Index");
    }
}
