namespace Portal.Data;

/// <summary>
/// An invitation to join an organisation as a co-applicant, sent by email. Only the SHA-256 hash of the token is
/// stored, so a database leak does not leak working links. Used once, valid for <see cref="Lifetime"/>.
/// </summary>
public sealed class OrganisationInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>Who sent it: the daily limit per person counts over all their organisations. Null for invitations from before 0008.</summary>
    public Guid? InvitedBy { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
}
