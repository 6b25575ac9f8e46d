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
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.SignInLink)]
public sealed class ResetPasswordModel(UserManager<PortalUser> users, AuditLog audit, PortalText text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Field.Password.Required")]
        public string Password { get; set; } = "";
    }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (PasswordRules.Check(Input.Password, Input.Email) is { } broken)
        {
            ModelState.AddModelError("Input.Password", text[broken]);
            return Page();
        }
        var token = SignInFlow.DecodeToken(Input.Code);
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null || token is null)
        {
            await audit.RecordNowAsync(AuditKinds.PasswordResetRefused, user?.Id, Input.Email);
            ModelState.AddModelError("", text["Account.LinkInvalid"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            var badLink = result.Errors.Any(e => e.Code == "InvalidToken");
            if (badLink) await audit.RecordNowAsync(AuditKinds.PasswordResetRefused, user.Id, user.Email);
            SignInFlow.AddErrors(ModelState, badLink ? "" : "Input.Password", result, text);
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            // The reset link came to the address and the new password replaces any set before: the address is proven.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            await audit.RecordNowAsync(AuditKinds.EmailConfirmed, user.Id, user.Email, "password reset link");
        }
        // Whoever can read the mail can reset; a lockout from someone guessing the old password ends here.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync(AuditKinds.PasswordReset, user.Id, user.Email);
        Done = true;
        return Page();
    }
}
