using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Portal.Domain.Languages;

namespace Portal.Infrastructure.Localization;

/// <summary>
/// The language cookie decides (set by the language switch, and from the profile at sign-in). Without it, a first
/// visit follows the browser's Accept-Language, but only for a complete language (Dutch, English, Arabic): a visitor
/// whose browser asks for Arabic should not have to find the switch in a Dutch page first. Anything else ("de", "tr")
/// gets Dutch, the default and legally leading language.
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
            // "ar-SA" or "en-GB" count as Arabic and English (FallBackToParentUICultures); the cookie always wins.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
        };
    }

    public static void WriteCookie(HttpResponse response, string code) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });

    public static Language Current => Languages.Get(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}
