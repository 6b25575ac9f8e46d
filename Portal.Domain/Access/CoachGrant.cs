using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Access;

/// <summary>
/// A member's consent for a coach to look at one application ("view and comment") or also fill it in ("view and
/// edit"). It lasts until a member revokes it; from then on the coach's next request is "not found". Giving, revoking and
/// the coach's looking raise events, so the members can read back in the audit trail who was let in and what they did.
/// </summary>
public sealed class CoachGrant : AggregateRoot
{
    /// <summary>
    /// A coach reading page after page is one visit: recording every request would bury what matters in the history, so a
    /// visit is recorded again only after this long.
    /// </summary>
    public static readonly TimeSpan ViewRecordedOncePer = TimeSpan.FromHours(1);

    private CoachGrant() { }

    public CoachGrant(Guid applicationId, Guid coachId, GrantKind kind, Guid grantedBy, DateTimeOffset now)
        : this(applicationId, coachId, kind, Actor.Applicant(grantedBy), now)
    {
    }

    /// <summary>A grant given by <paramref name="by"/>: a member of the organisation (as applicant), or recorded for one.</summary>
    public CoachGrant(Guid applicationId, Guid coachId, GrantKind kind, Actor by, DateTimeOffset now)
    {
        if (kind is not (GrantKind.CoachView or GrantKind.CoachEdit)) throw new DomainException("Access.CoachGrant.Kind");
        // Consent is someone's: a member's, or recorded by a coach on a member's behalf (an assisted application).
        if (by.UserId is not { } grantedBy) throw new DomainException("Access.CoachGrant.Kind");
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        CoachId = coachId;
        Kind = kind;
        GrantedBy = grantedBy;
        GrantedAt = now;
        Raise(new CoachAccessGranted(applicationId, coachId, kind, by, now));
    }

    /// <summary>
    /// The grant of a coach who made the application for someone who is not online: not given by a member (there is
    /// none yet), and not to be given through the consent pages, hence not through the constructor.
    /// </summary>
    public static CoachGrant Assisting(Guid applicationId, Guid coachId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), ApplicationId = applicationId, CoachId = coachId, Kind = GrantKind.Assisting, GrantedBy = coachId, GrantedAt = now,
    };

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid CoachId { get; private set; }
    public GrantKind Kind { get; private set; }
    public Guid GrantedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }
    /// <summary>When the coach's looking was last written to the audit trail (see <see cref="ViewRecordedOncePer"/>).</summary>
    public DateTimeOffset? ViewRecordedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(Guid by, DateTimeOffset now) => Revoke(Actor.Applicant(by), now);

    /// <summary>Ends the grant at once; revoking twice (two tabs) changes nothing the second time.</summary>
    public void Revoke(Actor by, DateTimeOffset now)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        RevokedBy = by.UserId;
        Raise(new CoachAccessRevoked(ApplicationId, CoachId, Kind, by, now));
    }

    /// <summary>The coach looked at the application: recorded unless a look was recorded less than an hour ago.</summary>
    /// <returns>Whether this look was recorded (and so needs saving).</returns>
    public bool RecordView(DateTimeOffset now)
    {
        if (!IsActive) return false;
        if (ViewRecordedAt is { } last && now - last < ViewRecordedOncePer && now >= last) return false;
        ViewRecordedAt = now;
        Raise(new CoachViewedApplication(ApplicationId, Actor.Coach(CoachId), now));
        return true;
    }
}

/// <summary>A member let a coach in. The detail names the coach by id (never by name or address) and the kind.</summary>
public sealed record CoachAccessGranted(Guid ApplicationId, Guid CoachId, GrantKind Kind, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public const string Name = "application.coach-granted";
    public override string Action => Name;
    public override string? Detail => $"coach {CoachId}; {Kind}";
}

/// <summary>A member took a coach's access away.</summary>
public sealed record CoachAccessRevoked(Guid ApplicationId, Guid CoachId, GrantKind Kind, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public const string Name = "application.coach-revoked";
    public override string Action => Name;
    public override string? Detail => $"coach {CoachId}; {Kind}";
}

/// <summary>A coach looked at the application (at most once an hour per coach, see <see cref="CoachGrant.ViewRecordedOncePer"/>).</summary>
public sealed record CoachViewedApplication(Guid ApplicationId, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public const string Name = "application.coach-viewed";
    public override string Action => Name;
}
