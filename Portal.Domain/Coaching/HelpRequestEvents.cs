using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Coaching;

/// <summary>An event about one request for a coach; its audit row names the request.</summary>
public abstract record HelpRequestEvent(Guid HelpRequestId, Actor Actor, DateTimeOffset OccurredAt) : DomainEvent(Actor, OccurredAt)
{
    public const string ObjectType = "help-request";

    public override AuditObject Object => new(ObjectType, HelpRequestId);
}

public sealed record HelpRequested(Guid HelpRequestId, Actor Actor, DateTimeOffset OccurredAt) : HelpRequestEvent(HelpRequestId, Actor, OccurredAt)
{
    public override string Action => "help-request.asked";
}

/// <summary>Offered to coaches (on asking, or to everyone after a working day unclaimed): they are emailed.</summary>
public sealed record HelpRequestOffered(Guid HelpRequestId, OfferReason Reason, IReadOnlyList<Guid> Coaches, DateTimeOffset OccurredAt)
    : HelpRequestEvent(HelpRequestId, Actor.System, OccurredAt)
{
    public override string Action => Reason == OfferReason.Escalation ? "help-request.escalated" : "help-request.offered";
    public override string? Detail => $"{Reason}: {Coaches.Count} coach(es)";
}

/// <summary>A coach took it on: the person is told who will contact them and by when.</summary>
public sealed record HelpRequestClaimed(Guid HelpRequestId, Guid CoachId, DateTimeOffset OccurredAt)
    : HelpRequestEvent(HelpRequestId, Actor.Coach(CoachId), OccurredAt)
{
    public override string Action => "help-request.claimed";
}

/// <summary>A warm handover: the person and the new coach are told.</summary>
public sealed record HelpRequestHandedOver(Guid HelpRequestId, Guid FromCoachId, Guid ToCoachId, DateTimeOffset OccurredAt)
    : HelpRequestEvent(HelpRequestId, Actor.Coach(FromCoachId), OccurredAt)
{
    public override string Action => "help-request.handed-over";
    public override string? Detail => $"to user {ToCoachId}";
}

public sealed record HelpRequestContacted(Guid HelpRequestId, Guid CoachId, HelpChannel How, DateTimeOffset OccurredAt)
    : HelpRequestEvent(HelpRequestId, Actor.Coach(CoachId), OccurredAt)
{
    public override string Action => "help-request.contacted";
    public override string? Detail => How.ToString();
}

public sealed record HelpRequestResolved(Guid HelpRequestId, Guid CoachId, HelpOutcome Outcome, DateTimeOffset OccurredAt)
    : HelpRequestEvent(HelpRequestId, Actor.Coach(CoachId), OccurredAt)
{
    public override string Action => "help-request.resolved";
    public override string? Detail => Outcome.ToString();
}

/// <summary>Promised day passed without contact: the coach who has it is reminded once.</summary>
public sealed record HelpRequestOverdue(Guid HelpRequestId, Guid CoachId, DateTimeOffset OccurredAt)
    : HelpRequestEvent(HelpRequestId, Actor.System, OccurredAt)
{
    public override string Action => "help-request.overdue";
}
