using Portal.Domain.Terms;

namespace Portal.Domain.Applications;

/// <summary>Stored by name, so never rename one.</summary>
public enum InformationRequestKind
{
    /// <summary>A request to complete the application (art. 4:5 Awb). With a term it suspends the decision term.</summary>
    Completeness,
    /// <summary>A plain question: it suspends nothing.</summary>
    Question,
}

/// <summary>
/// The municipality asks the applicant for something, about one question where it can. The law tells the two kinds
/// apart: only a completeness request that sets a term stands the decision term still, from the day after it is sent
/// until the day it is answered or its term has run out unused (art. 4:15(1)(a) Awb).
/// </summary>
public sealed partial class InformationRequest
{
    private InformationRequest() { }

    internal InformationRequest(Guid applicationId, InformationRequestKind kind, QuestionKey? about, DateOnly? respondBy, Guid? sentBy,
        DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Kind = kind;
        AboutKey = about?.Value;
        RespondBy = respondBy;
        SentBy = sentBy;
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public InformationRequestKind Kind { get; private set; }
    /// <summary>The question it is about (<see cref="QuestionKey"/>), or null for the application as a whole.</summary>
    public string? AboutKey { get; private set; }
    /// <summary>The last day to answer: the term of a completeness request. Null: no term.</summary>
    public DateOnly? RespondBy { get; private set; }
    public Guid? SentBy { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>The term ran out before an answer came (recorded by the portal on the day after the term).</summary>
    public DateTimeOffset? LapsedAt { get; private set; }

    public QuestionKey? About => QuestionKey.Parse(AboutKey);
    public DateOnly SentOn => NijmegenTime.DayOf(SentAt);
    public bool IsOpen => AnsweredAt is null && LapsedAt is null;

    /// <summary>The term has run out and no answer came.</summary>
    public bool TermRanOut(DateOnly today) => IsOpen && RespondBy is { } by && today > by;

    /// <summary>Only a completeness request with a term suspends the decision term (a question or a request without a term does not).</summary>
    public Suspension? Suspension(DateOnly today)
    {
        if (Kind != InformationRequestKind.Completeness || RespondBy is not { } respondBy) return null;
        var unusedUntil = respondBy.AddDays(1);
        DateOnly? until = AnsweredAt is { } answered ? Min(NijmegenTime.DayOf(answered), unusedUntil)
            : LapsedAt is not null || today > respondBy ? unusedUntil
            : null;
        return new Suspension(SentOn.AddDays(1), until);
    }

    internal void Answered(DateTimeOffset now) => AnsweredAt = now;

    internal void Lapsed(DateTimeOffset now) => LapsedAt = now;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>
/// The applicant's written consent to a later decision (art. 4:15(2)(a) Awb), e.g. to improve the application after
/// suggestions. It suspends the decision term from the day after it was given until the applicant submits again or the
/// agreed last day has passed. How it was given in writing is recorded, because the law asks for it in writing.
/// </summary>
public sealed class DelayConsent
{
    public const int MaxStatementLength = 500;

    private DelayConsent() { }

    internal DelayConsent(Guid applicationId, DateOnly givenOn, DateOnly until, string statement, Guid? recordedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        GivenOn = givenOn;
        Until = until;
        Statement = statement;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DateOnly GivenOn { get; private set; }
    /// <summary>The last day of the agreed delay.</summary>
    public DateOnly Until { get; private set; }
    /// <summary>How and where the consent was given in writing ("ticked in the portal", "letter of 3 March").</summary>
    public string Statement { get; private set; } = "";
    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>The application was submitted again: the delay is over.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActive(DateOnly today) => EndedAt is null && today <= Until;

    public Suspension Suspension(DateOnly today)
    {
        var agreedEnd = Until.AddDays(1);
        DateOnly? until = EndedAt is { } ended ? (NijmegenTime.DayOf(ended) < agreedEnd ? NijmegenTime.DayOf(ended) : agreedEnd)
            : today > Until ? agreedEnd
            : null;
        return new Suspension(GivenOn.AddDays(1), until);
    }

    internal void End(DateTimeOffset now) => EndedAt ??= now;
}

/// <summary>An extension of the decision term (art. 4:14 Awb), with the notice that names the new date.</summary>
public sealed class TermExtension
{
    public const int MaxReasonLength = 1000;

    private TermExtension() { }

    internal TermExtension(Guid applicationId, DateOnly newDate, string reason, Guid? by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        NewDate = newDate;
        Reason = reason;
        ExtendedBy = by;
        NoticeSentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DateOnly NewDate { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid? ExtendedBy { get; private set; }
    /// <summary>When the notice to the applicant went out (it is put in the outbox in the same transaction).</summary>
    public DateTimeOffset NoticeSentAt { get; private set; }

    public Extension AsExtension => new(NijmegenTime.DayOf(NoticeSentAt), NewDate);
}
