namespace Portal.Domain.Languages;

/// <summary>A language of the user interface, named in its own script for the language switch.</summary>
public sealed record Language(string Code, string NativeName, bool RightToLeft, bool Complete)
{
    public string Direction => RightToLeft ? "rtl" : "ltr";
}

/// <summary>
/// The languages of PRODUCT.md. Dutch is the default and legally leading. A language is offered in the switch
/// only when it is complete: every Dutch text has a translation (a test enforces this).
/// </summary>
public static class Languages
{
    public const string Default = "nl";

    public static readonly IReadOnlyList<Language> All =
    [
        new("nl", "Nederlands", RightToLeft: false, Complete: true),
        new("en", "English", RightToLeft: false, Complete: true),
        new("ar", "العربية", RightToLeft: true, Complete: true),
        new("tr", "Türkçe", RightToLeft: false, Complete: false),
        new("uk", "Українська", RightToLeft: false, Complete: false),
        new("ti", "ትግርኛ", RightToLeft: false, Complete: false),
    ];

    public static IReadOnlyList<Language> Offered { get; } = All.Where(l => l.Complete).ToList();

    public static bool IsOffered(string? code) => Offered.Any(l => l.Code == code);

    public static Language Get(string? code) => Offered.FirstOrDefault(l => l.Code == code) ?? Offered[0];
}
