using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain.Languages;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure;

namespace Portal.Pages;

/// <summary>The language switch. The choice sticks in a cookie and, once signed in, in the profile (emails use it).</summary>
[AllowAnonymous]
public sealed class LanguageModel(UserManager<PortalUser> users) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        if (Languages.IsOffered(code))
        {
            LocalizationSetup.WriteCookie(Response, code!);
            if (await users.GetUserAsync(User) is { } user && user.PreferredLanguage != code)
            {
                user.PreferredLanguage = code!;
                await users.UpdateAsync(user);
            }
        }
        return LocalRedirect(Url.LocalOrNull(returnUrl) ?? Url.Page("/Index")!);
    }
}
