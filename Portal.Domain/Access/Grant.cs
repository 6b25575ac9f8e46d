using Portal.Domain.Common;

namespace Portal.Domain.Access;

/// <summary>Why someone has access to an application (and its organisation).</summary>
public enum GrantKind
{
    /// <summary>A member of the applying organisation.</summary>
    Member,
    /// <summary>A coach the members allowed to look and comment.</summary>
    CoachView,
    /// <summary>A coach the members allowed to look, comment and fill in.</summary>
    CoachEdit,
    Reviewer,
    Approver,
    Admin,
    /// <summary>
    /// A coach filling in an application for someone who is not online (docs/decisions/assisted-applications.md): like
    /// CoachEdit, plus the group's profile and sending in on the person's behalf; it ends when the person takes over.
    /// </summary>
    Assisting,
}

/// <summary>
/// The capability table: what each grant allows. Municipal staff see an application only once it has been sent in
/// (a draft, also a withdrawn one that never was, stays the applicant's own; one returned with suggestions stays
/// theirs to follow), and nobody but members changes the organisation (except a coach assisting someone who is not online, until they take over). Which state allows which change (answers only
/// while editable) is the domain's rule, not access. One table, so every page asks the same question.
/// </summary>
public static class Grants
{
    private static readonly Dictionary<GrantKind, Capability[]> Table = new()
    {
        [GrantKind.Member] =
        [
            Capability.ViewApplication, Capability.EditAnswers, Capability.Comment, Capability.Submit, Capability.Withdraw,
            Capability.ViewOrganisation, Capability.EditOrganisation, Capability.InviteMembers, Capability.GrantCoachAccess,
            Capability.SendDefaultNotice, Capability.ReadDecision,
        ],
        [GrantKind.CoachView] =
            [Capability.ViewApplication, Capability.Comment, Capability.SummariseAnswers, Capability.ViewOrganisation, Capability.ReadDecision],
        [GrantKind.CoachEdit] =
            [Capability.ViewApplication, Capability.Comment, Capability.SummariseAnswers, Capability.EditAnswers, Capability.ViewOrganisation,
             Capability.ReadDecision],
        // Not Capability.Submit: the ordinary submit button knows nothing of the written authorisation or who hears back.
        [GrantKind.Assisting] =
        [
            Capability.ViewApplication, Capability.Comment, Capability.SummariseAnswers, Capability.EditAnswers, Capability.SubmitOnBehalf,
            Capability.ViewOrganisation, Capability.EditOrganisation, Capability.ReadDecision,
        ],
        [GrantKind.Reviewer] = [Capability.ViewApplication, Capability.SeeInternalNotes, Capability.Assess, Capability.ViewOrganisation],
        [GrantKind.Approver] = [Capability.ViewApplication, Capability.SeeInternalNotes, Capability.Approve, Capability.ViewOrganisation],
        [GrantKind.Admin] = [Capability.ViewApplication, Capability.SeeInternalNotes, Capability.ViewOrganisation],
    };

    public static bool IsStaff(GrantKind kind) => kind is GrantKind.Reviewer or GrantKind.Approver or GrantKind.Admin;

    /// <summary>What <paramref name="kind"/> allows on an application that has (or has never) been sent in.</summary>
    public static IReadOnlySet<Capability> Allows(GrantKind kind, bool sentIn) =>
        IsStaff(kind) && !sentIn ? new HashSet<Capability>() : Table[kind].ToHashSet();

    /// <summary>
    /// What <paramref name="kinds"/> allow on an organisation: its view for everyone who may look at one of its
    /// applications; changing it and inviting for members only.
    /// </summary>
    public static IReadOnlySet<Capability> OnOrganisation(IEnumerable<GrantKind> kinds) =>
        kinds.SelectMany(k => Table[k]).Where(c => c is Capability.ViewOrganisation or Capability.EditOrganisation or Capability.InviteMembers).ToHashSet();

    /// <summary>
    /// The role someone with <paramref name="kinds"/> acts in when they change an application or organisation — what the
    /// state machine checks and the audit trail records: a member as the applicant (also when they coach too), a coach
    /// allowed to edit as coach, staff as reviewer or approver. Null when the grants allow no change at all (a coach who
    /// may only look, an administrator).
    /// </summary>
    public static ActorRole? ActsAs(IEnumerable<GrantKind> kinds)
    {
        var held = kinds.ToHashSet();
        if (held.Contains(GrantKind.Member)) return ActorRole.Applicant;
        if (held.Contains(GrantKind.CoachEdit) || held.Contains(GrantKind.Assisting)) return ActorRole.Coach;
        if (held.Contains(GrantKind.Reviewer)) return ActorRole.Reviewer;
        if (held.Contains(GrantKind.Approver)) return ActorRole.Approver;
        return null;
    }

    /// <summary>What <paramref name="kinds"/> together allow (a coach can also be a member).</summary>
    public static IReadOnlySet<Capability> Allows(IEnumerable<GrantKind> kinds, bool sentIn) =>
        kinds.SelectMany(k => Allows(k, sentIn)).ToHashSet();
}
