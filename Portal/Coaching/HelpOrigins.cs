using Microsoft.Extensions.Localization;
using Portal.Applications;
using Portal.Domain.Coaching;
using Portal.Pages.Applications.Activity;

namespace Portal.Coaching;

/// <summary>
/// Where someone asked for help, read from the page they were on (the "ask a coach" link carries it), and told to the
/// coach in words: "Vraag over: Begroting — Samen Doen".
/// </summary>
public static class HelpOrigins
{
    /// <summary>
    /// The origin of a page address. An application named in it counts only when <paramref name="mayView"/> says the
    /// person may see it (an address typed by hand reveals nothing); its scheme comes from the caller.
    /// </summary>
    public static HelpOrigin Of(string? page, Func<Guid, (bool MayView, string? SchemeSlug)> application)
    {
        var path = (page ?? "/").Split('?', '#')[0];
        if (path.Length == 0 || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal)) path = "/";
        if (path.Length > HelpOrigin.PageLength) path = path[..HelpOrigin.PageLength];
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["schemes", var slug, ..] when slug.Length <= 64:
                return new HelpOrigin(path, SchemeSlug: slug);
            case ["applications", var id, .. var rest] when Guid.TryParse(id, out var applicationId):
                var (mayView, scheme) = application(applicationId);
                if (!mayView) return new HelpOrigin("/applications");
                return rest switch
                {
                    ["activity", var question, ..] when ActivityQuestion.Find(question) is not null =>
                        new HelpOrigin(path, scheme, applicationId, "activity", question),
                    [var section, ..] when Sections.Contains(section) => new HelpOrigin(path, scheme, applicationId, section),
                    _ => new HelpOrigin(path, scheme, applicationId),
                };
            case ["organisation", ..]:
                return new HelpOrigin(path, Section: "organisation");
            default:
                return new HelpOrigin(path);
        }
    }

    private static readonly string[] Sections = ["activity", "budget", "attachments", "check", "submit", "status", "answer-language", "withdraw"];

    /// <summary>"Begroting — Samen Doen", "Wat is de titel? — Samen Doen", "Samen Doen", or the page's address.</summary>
    public static string Describe(HelpOrigin origin, IStringLocalizer text)
    {
        var place = origin switch
        {
            { Section: "activity", Question: { } question } when ActivityQuestion.Find(question) is { } q => text[$"{q.Key}.Label"].Value,
            { Section: { } section } => text[$"Coaching.Origin.{section}"].Value,
            _ => null,
        };
        var scheme = origin.SchemeSlug is { } slug ? ApplicationDisplay.SchemeName(text, slug) : null;
        return (place, scheme) switch
        {
            ({ } p, { } s) => $"{p} — {s}",
            ({ } p, null) => p,
            (null, { } s) => s,
            _ => origin.Page == "/" ? text["Coaching.Origin.Home"] : origin.Page,
        };
    }
}
