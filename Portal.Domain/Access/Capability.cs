namespace Portal.Domain.Access;

/// <summary>What someone may do with an application or an organisation. Every page handler names the one it needs.</summary>
public enum Capability
{
    ViewApplication,
    EditAnswers,
    Comment,
    Submit,
    Withdraw,
    SeeInternalNotes,
    Assess,
    Approve,
    ViewOrganisation,
    EditOrganisation,
    InviteMembers,
}
