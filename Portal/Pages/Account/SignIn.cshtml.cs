using Portal.Infrastructure.Localization;
using System.ComponentModel.DataAnnotations;
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
[EnableRateLimiting(RateLimitOptions.SignIn)]
[EqualResponseTime(250)]
public sealed class SignInModel(PortalSignInManager signIn, UserManager<PortalUser> users, SignInFlow flow, AuditLog audit,
    DummyPassword dummy, PortalText text) : PageModel
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
        if (user is null)
        {
            dummy.Verify(Input.Password);
            return await FailedAsync(AuditKinds.SignInFailed, null, email);
        }
        if (!user.EmailConfirmed) return await UnconfirmedAsync(user);

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await flow.CompletedAsync(Response, user, "password");
            return LocalRedirect(SignInFlow.SafeReturnUrl(Url, ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl });
        // A locked account answers before its password is checked; hash one anyway, so the time tells nothing.
        if (result.IsLockedOut) dummy.Verify(Input.Password);
        return await FailedAsync(result.IsLockedOut ? AuditKinds.LockedOut : AuditKinds.SignInFailed, user.Id, email);
    }

    /// <summary>
    /// An account whose address is not proven never signs in with a password (someone else may have registered it).
    /// Only someone who gives its password hears why; anyone else gets the same answer as for an unknown address.
    /// </summary>
    private async Task<IActionResult> UnconfirmedAsync(PortalUser user)
    {
        if (await users.IsLockedOutAsync(user))
        {
            dummy.Verify(Input.Password);
            return await FailedAsync(AuditKinds.LockedOut, user.Id, user.Email!);
        }
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            await users.AccessFailedAsync(user);
            return await FailedAsync(AuditKinds.SignInFailed, user.Id, user.Email!);
        }
        await audit.RecordNowAsync(AuditKinds.SignInUnconfirmed, user.Id, user.Email);
        ModelState.AddModelError("", text["SignIn.NotConfirmed"]);
        return Page();
    }

    private async Task<IActionResult> FailedAsync(string kind, Guid? userId, string email)
    {
        await audit.RecordNowAsync(kind, userId, email);
        // One message for an unknown address, a wrong password and a locked account: no account enumeration.
        ModelState.AddModelError("", text["SignIn.Failed"]);
        return Page();
    }
}
