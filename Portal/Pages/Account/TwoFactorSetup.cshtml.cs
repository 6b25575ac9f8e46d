using Portal.Infrastructure.Localization;
using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using QRCoder;

namespace Portal.Pages.Account;

/// <summary>Enrolling an authenticator app. Staff are sent here before any staff page opens.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorSetupModel(UserManager<PortalUser> users, PortalSignInManager signIn, AuditLog audit,
    PortalText text) : PageModel
{
    private const string Issuer = "Subsidieportaal Nijmegen";

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool AlreadyEnabled { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "TwoFactor.Code.Required"), StringLength(12, ErrorMessage = "TwoFactor.Code.Wrong")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return LocalRedirect(SignInFlow.SafeReturnUrl(Url, ReturnUrl));
        var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError("Input.Code", text["TwoFactor.Code.Wrong"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await audit.RecordNowAsync(AuditKinds.TwoFactorEnabled, user.Id, user.Email);
        // The code just given is a second factor: mark this session as such, so staff pages open right away.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new(TwoFactorClaim.Type, TwoFactorClaim.Value)]);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', recoveryCodes);
        return RedirectToPage("/Account/RecoveryCodes", new { ReturnUrl = SignInFlow.SafeReturnUrl(Url, ReturnUrl) });
    }

    private async Task LoadAsync(PortalUser user)
    {
        ReturnUrl = SignInFlow.SafeReturnUrl(Url, ReturnUrl);
        AlreadyEnabled = user.TwoFactorEnabled;
        if (AlreadyEnabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, not a reset: ResetAuthenticatorKeyAsync would renew the security stamp, and that ends every
            // session (SessionRevocation), this one included. Two-factor sign-in is not on until the code is checked.
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
        }
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
