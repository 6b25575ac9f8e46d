using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

/// <summary>
/// The link in the "confirm your email" mail. It proves the address, not who chose the password: anyone can register
/// someone else's address with a password of their own (pre-hijacking). So the password set at registration survives
/// only when the person holding the link also knows it; otherwise the address is confirmed, that password is dropped
/// and the owner chooses their own. Opening the link changes nothing (mail scanners open links); a button does.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.SignIn)]
public sealed class ConfirmEmailModel(UserManager<PortalUser> users, PortalSignInManager signIn, SignInFlow flow, AuditLog audit,
    PortalText text) : PageModel
{
    public enum State { Ask, AlreadyConfirmed, Invalid }

    [BindProperty(SupportsGet = true)] public Guid? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Field.Password.Required"), StringLength(256, ErrorMessage = "Password.TooLong")]
        public string Password { get; set; } = "";
    }

    public State Shown { get; private set; }

    public async Task OnGetAsync() => Shown = (await FindAsync()).State;

    /// <summary>The password chosen at registration: the address is confirmed and the account signed in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var (state, user, token) = await FindAsync();
        Shown = state;
        if (state != State.Ask) return Page();
        if (!ModelState.IsValid) return Page();
        if (await users.IsLockedOutAsync(user!))
        {
            ModelState.AddModelError("Input.Password", text["SignIn.Failed"]);
            return Page();
        }
        if (!await users.CheckPasswordAsync(user!, Input.Password))
        {
            await users.AccessFailedAsync(user!);
            await audit.RecordNowAsync(AuditKinds.ConfirmationPasswordWrong, user!.Id, user.Email);
            ModelState.AddModelError("Input.Password", text["ConfirmEmail.WrongPassword"]);
            return Page();
        }
        await users.ConfirmEmailAsync(user!, token!);
        await users.ResetAccessFailedCountAsync(user!);
        await audit.RecordNowAsync(AuditKinds.EmailConfirmed, user!.Id, user.Email, "link and password");
        var result = await signIn.SignInWithLinkAsync(user!);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/TwoFactor");
        await flow.CompletedAsync(Response, user!, "confirmation link and password");
        return RedirectToPage("/Index");
    }

    /// <summary>"I did not choose this password" or "I forgot it": confirm the address, drop the password, choose a new one.</summary>
    public async Task<IActionResult> OnPostNewPasswordAsync()
    {
        var (state, user, token) = await FindAsync();
        Shown = state;
        if (state != State.Ask) return Page();
        await users.ConfirmEmailAsync(user!, token!);
        // A new security stamp: whatever was set before the address was proven is gone, sessions and links included.
        if (await users.HasPasswordAsync(user!)) await users.RemovePasswordAsync(user!);
        else await users.UpdateSecurityStampAsync(user!);
        await audit.RecordNowAsync(AuditKinds.EmailConfirmed, user!.Id, user.Email, "link, password dropped");
        var code = SignInFlow.EncodeToken(await users.GeneratePasswordResetTokenAsync(user!));
        return RedirectToPage("/Account/ResetPassword", new { email = user!.Email, code });
    }

    private async Task<(State State, PortalUser? User, string? Token)> FindAsync()
    {
        var token = SignInFlow.DecodeToken(Code);
        if (UserId is null || token is null || await users.FindByIdAsync(UserId.Value.ToString()) is not { } user)
            return (State.Invalid, null, null);
        if (user.EmailConfirmed) return (State.AlreadyConfirmed, user, null);
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider,
            UserManager<PortalUser>.ConfirmEmailTokenPurpose, token);
        return valid ? (State.Ask, user, token) : (State.Invalid, null, null);
    }
}
