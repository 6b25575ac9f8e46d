using Portal.Infrastructure.Localization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Accounts;
using Portal.Domain.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

/// <summary>The second step of signing in: the code from the authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.SignIn)]
public sealed class TwoFactorModel(PortalSignInManager signIn, SignInFlow flow, AuditLog audit, PortalText text)
    : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "TwoFactor.Code.Required"), StringLength(12, ErrorMessage = "TwoFactor.Code.Wrong")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("/Account/SignIn");
        if (!ModelState.IsValid) return Page();
        var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await flow.CompletedAsync(Response, user, "password+totp");
            return LocalRedirect(SignInFlow.SafeReturnUrl(Url, ReturnUrl));
        }
        await audit.RecordNowAsync(result.IsLockedOut ? AuditKinds.LockedOut : AuditKinds.TwoFactorFailed, user.Id, user.Email);
        ModelState.AddModelError("Input.Code", text[result.IsLockedOut ? "SignIn.Failed" : "TwoFactor.Code.Wrong"]);
        return Page();
    }
}
