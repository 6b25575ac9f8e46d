namespace Portal.Domain.Coaching;

/// <summary>What the help is about: the quick choices of the "ask a coach" form (free text besides).</summary>
public enum HelpTopic { WhichScheme, FillingIn, Budget, Documents, Language, AfterSending, Other }

/// <summary>
/// How the person wants to be reached (seed 003: phone and WhatsApp first, walk-in hours, a visit at home), and how the
/// coach did reach them.
/// </summary>
public enum HelpChannel { Phone, WhatsApp, Email, WalkIn, Visit }

/// <summary>When the person can be reached; any combination.</summary>
[Flags]
public enum ReachableAt { None = 0, Morning = 1, Afternoon = 2, Evening = 4, Weekend = 8 }

/// <summary>A coach of a certain gender, where that matters to the person (seed 003); no preference by default.</summary>
public enum CoachGender { NoPreference, Woman, Man }

/// <summary>How a request ended.</summary>
public enum HelpOutcome { HelpedWithApplication, ReferredElsewhere, NoContactAfterThreeTries }

public enum HelpRequestState { Open, Claimed, Contacted, Resolved }

/// <summary>
/// Where the person asked from, so the coach reads "Vraag over: Begroting — Samen Doen" instead of a bare address: the
/// page, and when known the scheme, the application, its section and question.
/// </summary>
public sealed record HelpOrigin(string Page, string? SchemeSlug = null, Guid? ApplicationId = null, string? Section = null,
    string? Question = null)
{
    public const int PageLength = 300;
}
