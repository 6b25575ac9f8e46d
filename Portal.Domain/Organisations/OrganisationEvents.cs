using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Organisations;

/// <summary>An event about one organisation; its audit row names the organisation.</summary>
public abstract record OrganisationDomainEvent(Guid OrganisationId, Actor Actor, DateTimeOffset OccurredAt) : DomainEvent(Actor, OccurredAt)
{
    public override AuditObject Object => AuditObject.Organisation(OrganisationId);
}

public sealed record OrganisationCreated(Guid OrganisationId, Actor Actor, DateTimeOffset OccurredAt)
    : OrganisationDomainEvent(OrganisationId, Actor, OccurredAt)
{
    public override string Action => "organisation.created";
}

/// <summary>
/// A part of the profile changed ("name", "description", "kvk"). Members keep their own profile up to date, so only a
/// change by someone who is not a member (a coach helping) is audited. Where the money goes is always audited.
/// </summary>
public sealed record OrganisationChanged(Guid OrganisationId, string Part, bool ByMember, Actor Actor, DateTimeOffset OccurredAt)
    : OrganisationDomainEvent(OrganisationId, Actor, OccurredAt)
{
    public const string Payment = "payment";
    public const string Coach = "coach";

    public override string Action => Part == Payment ? "organisation.payment-changed" : "organisation.changed";
    public override bool Audited => !ByMember || Part is Payment or Coach;
    public override string? Detail => Part;
}

/// <summary>Someone joined: who may see and change the group's applications changed, so this is always audited.</summary>
public sealed record MemberJoined(Guid OrganisationId, Guid UserId, Actor Actor, DateTimeOffset OccurredAt)
    : OrganisationDomainEvent(OrganisationId, Actor, OccurredAt)
{
    public override string Action => "organisation.member-joined";
    public override string? Detail => $"user {UserId}";
}
