using Portal.Domain.Languages;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Applications;

/// <summary>How an application's names, dates and states read on a page or in an email, in the current language.</summary>
public static class ApplicationDisplay
{
    /// <summary>The scheme's name in the current language (resource "Scheme.{slug}.Name"), or its slug while that text is missing.</summary>
    public static string SchemeName(IStringLocalizer text, string slug)
    {
        var name = text[$"Scheme.{slug}.Name"];
        return name.ResourceNotFound ? slug : name.Value;
    }

    /// <summary>The group's own title for its activity, or the scheme's name while it has none.</summary>
    public static string Title(IStringLocalizer text, Application application, string schemeSlug) =>
        string.IsNullOrWhiteSpace(application.Title) ? SchemeName(text, schemeSlug) : application.Title;

    /// <summary>
    /// The lang attribute for <see cref="Title"/>: the answer language when it is the group's own title (a Dutch title on
    /// an Arabic page is read as Dutch), none when it is the scheme's name in the page's language.
    /// </summary>
    public static string? TitleLanguage(Application application) =>
        string.IsNullOrWhiteSpace(application.Title) ? null : AnswerLanguageTag(application.AnswerLanguage);

    /// <summary>
    /// "14 mei 2026", "14 May 2026", "14 مايو 2026": the Gregorian calendar in every language. Isolated
    /// (<see cref="Bidi.Isolate"/>): next to a file size or a time inside Arabic text a date stays one unit.
    /// </summary>
    public static string Date(DateOnly day) => Date(day, CultureInfo.CurrentUICulture);

    public static string Date(DateOnly day, CultureInfo culture) => Bidi.Isolate(day.ToString("d MMMM yyyy", culture));

    /// <summary>A moment as the calendar day in Nijmegen.</summary>
    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(ApplicationTime.Local(moment).DateTime));

    /// <summary>"14 mei 2026, 09:05": a moment as the day and the time in Nijmegen, each its own unit.</summary>
    public static string DateTime(DateTimeOffset moment) =>
        Date(moment) + ", " + Bidi.LeftToRight(ApplicationTime.Local(moment).ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary>"Zuid/Hatert" as people read it: "Hatert (Zuid)"; a whole district stays as it is.</summary>
    public static string Neighbourhood(string value) =>
        value.Split('/') is [var district, var neighbourhood] ? $"{neighbourhood} ({district})" : value;

    /// <summary>The resource key of a status in plain words, e.g. "Verstuurd", "Wordt beoordeeld" (SubmissionText).</summary>
    /// <summary>The answer language by its own name ("Soomaali"), or "another language" in the page's language.</summary>
    public static string AnswerLanguageName(IStringLocalizer text, string code) =>
        AnswerLanguages.All.FirstOrDefault(l => l.Code == code) is { NativeName.Length: > 0 } language ? language.NativeName : text["AnswerLanguage.Other"];

    /// <summary>The lang attribute for text in the answer language: none for "another language".</summary>
    public static string? AnswerLanguageTag(string code) => code == AnswerLanguages.Other ? null : code;

    public static string StatusKey(ApplicationStatus status) => $"Status.Name.{status}";
}
