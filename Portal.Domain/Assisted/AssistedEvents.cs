using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Assisted;

/// <summary>An event about an assisted application; its audit row names the application. Details never hold typed text.</summary>
public abstract record AssistedDomainEvent(Guid ApplicationId, Actor Actor, DateTimeOffset OccurredAt) : DomainEvent(Actor, OccurredAt)
{
    public override AuditObject Object => AuditObject.Application(ApplicationId);
}

/// <summary>A coach started helping someone without an account, on the consent recorded here.</summary>
public sealed record AssistanceStarted(Guid ApplicationId, ConsentMethod Consent, DateOnly ConsentGivenOn, Actor Actor, DateTimeOffset OccurredAt)
    : AssistedDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "assisted.started";
    public override string? Detail => $"consent {Consent} given on {ConsentGivenOn:yyyy-MM-dd}";
}

/// <summary>The signed written authorisation (Awb 2:1(3)) was uploaded.</summary>
public sealed record AuthorisationUploaded(Guid ApplicationId, Actor Actor, DateTimeOffset OccurredAt)
    : AssistedDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "assisted.authorisation-uploaded";
}

/// <summary>The coach sent the application in on the person's behalf; who receives the updates was chosen now.</summary>
public sealed record SubmittedOnBehalf(Guid ApplicationId, UpdatesTo UpdatesTo, PersonChannel PersonChannel, Actor Actor, DateTimeOffset OccurredAt)
    : AssistedDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "assisted.submitted-on-behalf";
    public override string? Detail => $"updates to {UpdatesTo}; person by {PersonChannel}";
}

/// <summary>A takeover code was made (by email or on paper); an earlier one stops working.</summary>
public sealed record TakeoverCodeIssued(Guid ApplicationId, bool ByEmail, DateTimeOffset ExpiresAt, Actor Actor, DateTimeOffset OccurredAt)
    : AssistedDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "assisted.takeover-code-issued";
    public override string? Detail => $"{(ByEmail ? "by email" : "printed")}; valid until {ExpiresAt:yyyy-MM-dd HH:mm}Z";
}

/// <summary>The person took over: they are a member now, and the coach's assisting grant has ended.</summary>
public sealed record TakenOver(Guid ApplicationId, Guid UserId, Actor Actor, DateTimeOffset OccurredAt)
    : AssistedDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "assisted.taken-over";
    public override string? Detail => $"user {UserId}";
}
