using Portal.Infrastructure.Localization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

/// <summary>Signing in with a recovery code when the phone with the authenticator app is lost.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.SignIn)]
public sealed class RecoveryCodeModel(PortalSignInManager signIn, UserManager<PortalUser> users, SignInFlow flow, AuditLog audit, PortalText text)
    : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "RecoveryCode.Required"), StringLength(32, ErrorMessage = "RecoveryCode.Wrong")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("/Account/SignIn");
        if (!ModelState.IsValid) return Page();
        // Identity does not count wrong recovery codes: without this, someone with the password could try codes for ever.
        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordNowAsync(AuditKinds.LockedOut, user.Id, user.Email, "recovery code");
            ModelState.AddModelError("Input.Code", text["SignIn.Failed"]);
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await audit.RecordNowAsync(AuditKinds.RecoveryCodeUsed, user.Id, user.Email);
            await flow.CompletedAsync(Response, user, "password+recovery-code");
            return LocalRedirect(SignInFlow.SafeReturnUrl(Url, ReturnUrl));
        }
        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        await audit.RecordNowAsync(locked ? AuditKinds.LockedOut : AuditKinds.TwoFactorFailed, user.Id, user.Email, "recovery code");
        ModelState.AddModelError("Input.Code", text[locked ? "SignIn.Failed" : "RecoveryCode.Wrong"]);
        return Page();
    }
}
