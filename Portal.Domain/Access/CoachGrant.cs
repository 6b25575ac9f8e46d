using Portal.Domain.Common;

namespace Portal.Domain.Access;

/// <summary>
/// A member's consent for a coach to look at one application ("view and comment") or also fill it in ("view and
/// edit"). It lasts until a member revokes it; from then on the coach's next request is "not found".
/// </summary>
public sealed class CoachGrant
{
    private CoachGrant() { }

    public CoachGrant(Guid applicationId, Guid coachId, GrantKind kind, Guid grantedBy, DateTimeOffset now)
    {
        if (kind is not (GrantKind.CoachView or GrantKind.CoachEdit)) throw new DomainException("Access.CoachGrant.Kind");
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        CoachId = coachId;
        Kind = kind;
        GrantedBy = grantedBy;
        GrantedAt = now;
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

    public bool IsActive => RevokedAt is null;

    public void Revoke(Guid by, DateTimeOffset now)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        RevokedBy = by;
    }
}
