using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Portal.Domain.Languages;

namespace Portal.Infrastructure.Localization;

/// <summary>
/// Dutch by default; the language cookie decides (set by the language switch, and from the profile at sign-in).
/// Accept-Language is not used: a Dutch-language municipal site opens in Dutch unless the user chooses.
/// </summary>
public static class LocalizationSetup
{
    public static RequestLocalizationOptions Options()
    {
        var cultures = Languages.Offered.Select(l => new CultureInfo(l.Code)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Languages.Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        };
    }

    public static void WriteCookie(HttpResponse response, string code) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });

    public static Language Current => Languages.Get(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}
