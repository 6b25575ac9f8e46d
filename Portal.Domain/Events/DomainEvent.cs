using Portal.Domain.Common;

namespace Portal.Domain.Events;

/// <summary>What an audit row or a message is about: an application or an organisation, by id.</summary>
public sealed record AuditObject(string Type, Guid Id)
{
    public const string ApplicationType = "application";
    public const string OrganisationType = "organisation";

    public static AuditObject Application(Guid id) => new(ApplicationType, id);
    public static AuditObject Organisation(Guid id) => new(OrganisationType, id);
}

/// <summary>
/// Something that happened to an aggregate: who (<see cref="Actor"/>), what (<see cref="Action"/>), to which object,
/// when. Verbs raise these; one SaveChanges interceptor turns them into audit rows and outbox mail in the same
/// transaction as the change, so no page can forget either.
/// </summary>
public abstract record DomainEvent(Actor Actor, DateTimeOffset OccurredAt)
{
    public abstract AuditObject Object { get; }

    /// <summary>The audit kind, e.g. "application.submitted". Stored, so never rename one.</summary>
    public abstract string Action { get; }

    /// <summary>Whether the audit trail records it. State changes always are; edits only when someone else than a member makes them.</summary>
    public virtual bool Audited => true;

    /// <summary>A short, non-personal detail for the audit row (a question key, a date), never text the user typed.</summary>
    public virtual string? Detail => null;
}

/// <summary>An aggregate that raises domain events; the interceptor takes them when the aggregate is saved.</summary>
public abstract class AggregateRoot
{
    private readonly List<DomainEvent> domainEvents = [];

    public IReadOnlyList<DomainEvent> DomainEvents => domainEvents;

    protected void Raise(DomainEvent domainEvent) => domainEvents.Add(domainEvent);

    /// <summary>Called once the events are turned into audit rows and mail (in the same SaveChanges).</summary>
    public void ClearDomainEvents() => domainEvents.Clear();
}
