namespace Portal.Domain.Common;

/// <summary>
/// The role in which someone acts on an application: what the state machine and the audit trail need to know. The
/// access check decides which role a user has for one object (a member acts as <see cref="Applicant"/>, a coach with
/// consent to edit as <see cref="Coach"/>); <see cref="System"/> is the portal itself (a term that runs out).
/// Stored by name, so never rename one.
/// </summary>
public enum ActorRole
{
    Applicant,
    /// <summary>A coach the applicant allowed to edit (view + edit), acting on the applicant's behalf.</summary>
    Coach,
    Reviewer,
    Approver,
    System,
}

/// <summary>Who does something: a user in a role, or the portal itself.</summary>
public sealed record Actor(Guid? UserId, ActorRole Role)
{
    public static readonly Actor System = new(null, ActorRole.System);

    public static Actor Applicant(Guid userId) => new(userId, ActorRole.Applicant);
    public static Actor Coach(Guid userId) => new(userId, ActorRole.Coach);
    public static Actor Reviewer(Guid userId) => new(userId, ActorRole.Reviewer);
    public static Actor Approver(Guid userId) => new(userId, ActorRole.Approver);

    /// <summary>Someone who fills in the application: the applicant, or a coach allowed to edit it.</summary>
    public bool WritesAnswers => Role is ActorRole.Applicant or ActorRole.Coach;

    /// <summary>Municipal staff who assess and decide.</summary>
    public bool IsStaff => Role is ActorRole.Reviewer or ActorRole.Approver;
}
