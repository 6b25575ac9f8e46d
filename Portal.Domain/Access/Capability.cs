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
    /// <summary>Let a coach in on an application, or take their access away: the members' own decision.</summary>
    GrantCoachAccess,
    /// <summary>Write a Dutch summary beside an answer in another language: what a coach does for the reviewer.</summary>
    SummariseAnswers,
    /// <summary>Tell the municipality it is late with its decision (art. 4:17 Awb): the applicant's own step.</summary>
    SendDefaultNotice,
    /// <summary>Read the decision letter on the applicant's side: the group's members and the coaches they let in (staff have the print view).</summary>
    ReadDecision,
}
