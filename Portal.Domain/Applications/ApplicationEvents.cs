using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Applications;

/// <summary>An event about one application; its audit row names the application.</summary>
public abstract record ApplicationDomainEvent(Guid ApplicationId, Actor Actor, DateTimeOffset OccurredAt) : DomainEvent(Actor, OccurredAt)
{
    public override AuditObject Object => AuditObject.Application(ApplicationId);
}

/// <summary>A new draft.</summary>
public sealed record ApplicationStarted(Guid ApplicationId, Guid OrganisationId, int SchemeId, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.started";
}

/// <summary>A move of the state machine. The action names the new state: "application.submitted", "application.in-review"…</summary>
public sealed partial record ApplicationStatusChanged(Guid ApplicationId, ApplicationStatus From, ApplicationStatus To, string? Note,
    Actor Actor, DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application." + UpperCase().Replace(To.ToString(), m => (m.Index > 0 ? "-" : "") + m.Value.ToLowerInvariant());

    public override string? Detail => Note is null ? $"from {From}" : $"from {From}; {Note}";

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}

/// <summary>
/// An answer changed. Members edit their own application all day (autosave), so only an edit by someone else — a coach
/// with consent to edit — is audited.
/// </summary>
public sealed record ApplicationAnswerChanged(Guid ApplicationId, QuestionKey Question, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.answer-changed";
    public override bool Audited => Actor.Role != ActorRole.Applicant;
    public override string? Detail => Question.Value;
}

public sealed record InformationRequestSent(Guid ApplicationId, InformationRequest Request, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => Request.Kind == InformationRequestKind.Completeness ? "application.completeness-requested" : "application.question-asked";
    public override string? Detail => string.Join("; ", new[]
    {
        $"request {Request.Id}",
        Request.About?.Value,
        Request.RespondBy is { } by ? "respond by " + by.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no term",
    }.Where(s => s is not null));
}

/// <summary>A request answered, or its term ran out unused (<see cref="Lapsed"/>).</summary>
public sealed record InformationRequestClosed(Guid ApplicationId, Guid RequestId, bool Lapsed, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => Lapsed ? "application.information-request-lapsed" : "application.information-request-answered";
    public override string? Detail => $"request {RequestId}";
}

public sealed record DelayConsentRecorded(Guid ApplicationId, DateOnly GivenOn, DateOnly Until, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.delay-consent-recorded";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"given {GivenOn:yyyy-MM-dd}, until {Until:yyyy-MM-dd}");
}

/// <summary>The decision term was extended (art. 4:14 Awb); the notice to the applicant goes out with it.</summary>
public sealed record DecisionTermExtended(Guid ApplicationId, DateOnly NewDate, string Reason, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.decision-term-extended";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"to {NewDate:yyyy-MM-dd}");
}

/// <summary>The applicant sent a notice of default (art. 4:17 Awb); the penalty runs from <see cref="PenaltyFrom"/> unless the decision comes first.</summary>
public sealed record DefaultNoticeReceived(Guid ApplicationId, DateOnly PenaltyFrom, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.default-notice-received";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"penalty from {PenaltyFrom:yyyy-MM-dd}");
}
