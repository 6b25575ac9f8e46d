using Portal.Infrastructure.Localization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.SignIn)]
public sealed class SignInModel(PortalSignInManager signIn, UserManager<PortalUser> users, SignInFlow flow, AuditLog audit,
    PortalText text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Field.Email.Required"), EmailAddress(ErrorMessage = "Field.Email.Invalid"), StringLength(256, ErrorMessage = "Field.Email.Invalid")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Field.Password.Required"), StringLength(256, ErrorMessage = "Password.TooLong")]
        public string Password { get; set; } = "";
    }

    /// <summary>A form posted after the session expired is waiting to be saved after sign-in (<see cref="KeptForms"/>).</summary>
    public bool HasKeptForm => Request.Cookies.ContainsKey(KeptForms.CookieName);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded && user is not null)
        {
            await flow.CompletedAsync(Response, user, "password");
            return LocalRedirect(SignInFlow.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        if (result.IsNotAllowed)
        {
            // Only someone with the right password gets here, so saying why does not reveal the account.
            ModelState.AddModelError("", text["SignIn.NotConfirmed"]);
            return Page();
        }
        await audit.RecordNowAsync(result.IsLockedOut ? AuditKinds.LockedOut : AuditKinds.SignInFailed, user?.Id, email);
        // One message for an unknown address, a wrong password and a locked account: no account enumeration.
        ModelState.AddModelError("", text["SignIn.Failed"]);
        return Page();
    }
}
