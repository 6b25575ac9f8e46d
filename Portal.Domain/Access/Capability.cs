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
    /// <summary>Send in for someone who is not online, with their written authorisation (assisted applications only).</summary>
    SubmitOnBehalf,
}
