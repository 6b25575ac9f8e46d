namespace Portal.Domain.Languages;

/// <summary>
/// The languages an applicant may write answers in (PRODUCT.md principle 4): the portal's own languages first, then
/// languages spoken in Nijmegen's communities, then "another language". The choice is recorded with the application
/// so a reviewer or coach knows what to read it as, and the answers are marked up with it (lang).
/// </summary>
public static class AnswerLanguages
{
    /// <summary>BCP 47 for "undetermined": a language not in the list.</summary>
    public const string Other = "und";

    /// <summary>Codes with their name in their own script.</summary>
    public static readonly IReadOnlyList<(string Code, string NativeName)> All =
    [
        ("nl", "Nederlands"),
        ("en", "English"),
        ("ar", "العربية"),
        ("tr", "Türkçe"),
        ("uk", "Українська"),
        ("ti", "ትግርኛ"),
        ("pl", "Polski"),
        ("so", "Soomaali"),
        ("fa", "فارسی"),
        ("ku", "Kurdî"),
        ("es", "Español"),
        ("fr", "Français"),
        ("ru", "Русский"),
        (Other, ""),
    ];

    public static bool IsKnown(string? code) => All.Any(l => l.Code == code);

    /// <summary>Right-to-left scripts, for dir on the language names.</summary>
    public static bool IsRightToLeft(string code) => code is "ar" or "fa";
}
