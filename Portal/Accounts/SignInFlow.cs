using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure;

namespace Portal.Accounts;

/// <summary>What every way of signing in does when it succeeds, and small helpers the account pages share.</summary>
public sealed class SignInFlow(AuditLog audit)
{
    public async Task CompletedAsync(HttpResponse response, PortalUser user, string how)
    {
        // The profile's language wins from now on, also on another device.
        LocalizationSetup.WriteCookie(response, user.PreferredLanguage);
        await audit.RecordNowAsync(AuditKinds.SignInSucceeded, user.Id, user.Email, how);
    }

    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        url.LocalOrNull(returnUrl) ?? url.Page("/Index")!;

    /// <summary>Identity tokens contain '+', '/' and '='; links carry them base64url-encoded.</summary>
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded)); }
        catch (FormatException) { return null; }
    }

    /// <summary>Turns Identity's errors into plain, translated messages on the given field.</summary>
    public static void AddErrors(ModelStateDictionary modelState, string field, IdentityResult result, IStringLocalizer text)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Code switch
            {
                _ when error.Code.StartsWith("Password.", StringComparison.Ordinal) => error.Code,
                nameof(IdentityErrorDescriber.PasswordTooShort) => "Password.TooShort",
                nameof(IdentityErrorDescriber.InvalidToken) => "Account.LinkInvalid",
                _ => "Form.SomethingWrong",
            };
            modelState.AddModelError(field, text[key]);
        }
    }
}
