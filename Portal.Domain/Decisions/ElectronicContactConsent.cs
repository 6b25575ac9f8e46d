using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Decisions;

/// <summary>Where a person said whether decisions may reach them by email. Stored by name, so never rename one.</summary>
public enum ConsentAskedAt
{
    /// <summary>On the check page, just before sending the application in.</summary>
    Submission,
    /// <summary>On the profile page (a change, or a withdrawal, later).</summary>
    Profile,
}

/// <summary>
/// One answer to "may we send decisions on your subsidy applications by email?" (Wet modernisering elektronisch bestuurlijk
/// verkeer, in force since 1 January 2026: art. 2:14 Awb lets a body send a decision electronically only to someone who
/// said they can be reached that way for this kind of message). Every answer is a row of its own and is never changed: the
/// latest one counts, so a withdrawal works for every message after it, and the history shows when, where and by whom each
/// answer was given.
/// </summary>
public sealed class ElectronicContactConsent : AggregateRoot
{
    /// <summary>The kind of message the answer is about: the portal asks only about decisions on subsidy applications.</summary>
    public const string SubsidyDecisions = "subsidy-decisions";

    private ElectronicContactConsent() { }

    private ElectronicContactConsent(Guid userId, bool consents, ConsentAskedAt askedAt, Guid? applicationId, Actor by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Consents = consents;
        AskedAt = askedAt;
        ApplicationId = applicationId;
        RecordedBy = by.UserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>The person the answer is about (their account).</summary>
    public Guid UserId { get; private set; }
    public string MessageKind { get; private set; } = SubsidyDecisions;
    /// <summary>Yes: decisions may come by email. No: they come as a letter by post.</summary>
    public bool Consents { get; private set; }
    public ConsentAskedAt AskedAt { get; private set; }
    /// <summary>The application being sent in when the question was asked there.</summary>
    public Guid? ApplicationId { get; private set; }
    /// <summary>Who recorded the answer: the person themselves (a page only ever records one's own answer).</summary>
    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// A new answer. Asked at submission it is always recorded (the answer is part of what was sent in); in the profile
    /// an answer equal to the current one is no change and returns null.
    /// </summary>
    public static ElectronicContactConsent? Record(Guid userId, bool consents, ConsentAskedAt askedAt, Guid? applicationId, bool? current,
        Actor by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(askedAt)) throw new ArgumentOutOfRangeException(nameof(askedAt));
        if (by.UserId != userId) throw new DomainException("Dispatch.Consent.OnlyOwn");
        if (askedAt == ConsentAskedAt.Profile && current == consents) return null;
        var consent = new ElectronicContactConsent(userId, consents, askedAt, applicationId, by, now);
        consent.Raise(new ElectronicContactConsentRecorded(userId, consents, askedAt, applicationId, by, now));
        return consent;
    }

    /// <summary>What counts now: the latest answer, or null when the person never answered (then: post).</summary>
    public static bool? Current(IEnumerable<ElectronicContactConsent> history) =>
        history.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (bool?)c.Consents).FirstOrDefault();
}

/// <summary>The audit row of an answer: about the person's account (object type "user"), with where it was asked.</summary>
public sealed record ElectronicContactConsentRecorded(Guid UserId, bool Consents, ConsentAskedAt AskedAt, Guid? ApplicationId, Actor Actor,
    DateTimeOffset OccurredAt) : DomainEvent(Actor, OccurredAt)
{
    public const string UserType = "user";

    public override AuditObject Object => new(UserType, UserId);
    public override string Action => "dispatch.email-consent";
    public override string? Detail => $"{(Consents ? "yes" : "no")}; {ElectronicContactConsent.SubsidyDecisions}; {AskedAt}{(ApplicationId is { } id ? $"; application {id}" : "")}";
}
