using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>The states of PRODUCT.md. Stored by name, so never rename one.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    InReview,
    InformationRequested,
    DecisionProposed,
    Granted,
    PartiallyGranted,
    Rejected,
    /// <summary>Not processed (art. 4:5 Awb): a completeness request went unanswered within its term.</summary>
    NotProcessed,
    /// <summary>
    /// Back with the applicant to improve and submit again, with their written consent to the delay (art. 4:15(2)(a) Awb).
    /// Not a decision: the application is editable, and submitting again keeps its reference and history.
    /// </summary>
    ReturnedWithSuggestions,
    Withdrawn,
}

/// <summary>
/// Which state may follow which, and who may make that move: a table of from × to × role. A move not in the table is
/// refused by the domain, whoever asks (a forged form field cannot skip review). Further rules of one move (consent for
/// a return, four-eyes for an approval) are checked by the verb that makes it; this table says who may ever make it.
/// </summary>
public static class ApplicationStateMachine
{
    private const ActorRole Applicant = ActorRole.Applicant, Coach = ActorRole.Coach, Reviewer = ActorRole.Reviewer,
        Approver = ActorRole.Approver, System = ActorRole.System;

    /// <summary>The applicant's own moves; a coach with consent to edit may make them on the applicant's behalf.</summary>
    private static readonly ActorRole[] ApplicantSide = [Applicant, Coach];

    private static readonly (ApplicationStatus From, ApplicationStatus To, ActorRole[] By)[] Table =
    [
        (ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicantSide),
        (ApplicationStatus.Draft, ApplicationStatus.Withdrawn, ApplicantSide),

        (ApplicationStatus.Submitted, ApplicationStatus.InReview, [Reviewer]),
        (ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, ApplicantSide),

        // A completeness request (art. 4:5) asks the applicant for what is missing; a plain question changes no state.
        (ApplicationStatus.InReview, ApplicationStatus.InformationRequested, [Reviewer]),
        (ApplicationStatus.InReview, ApplicationStatus.DecisionProposed, [Reviewer]),
        (ApplicationStatus.InReview, ApplicationStatus.Withdrawn, ApplicantSide),

        // Answered by the applicant (or their coach), closed by the reviewer, or its term ran out unused (the portal).
        (ApplicationStatus.InformationRequested, ApplicationStatus.InReview, [Applicant, Coach, Reviewer, System]),
        (ApplicationStatus.InformationRequested, ApplicationStatus.Withdrawn, ApplicantSide),

        // The approver sends a proposal back to review.
        (ApplicationStatus.DecisionProposed, ApplicationStatus.InReview, [Approver]),
        // A grant below the four-eyes threshold is decided by the reviewer; above it the approver decides (the verb checks which).
        (ApplicationStatus.DecisionProposed, ApplicationStatus.Granted, [Reviewer, Approver]),
        (ApplicationStatus.DecisionProposed, ApplicationStatus.PartiallyGranted, [Reviewer, Approver]),
        // Every refusal needs a second pair of eyes (PRODUCT.md C.5).
        (ApplicationStatus.DecisionProposed, ApplicationStatus.Rejected, [Approver]),
        (ApplicationStatus.DecisionProposed, ApplicationStatus.NotProcessed, [Reviewer, Approver]),
        (ApplicationStatus.DecisionProposed, ApplicationStatus.ReturnedWithSuggestions, [Reviewer, Approver]),
        (ApplicationStatus.DecisionProposed, ApplicationStatus.Withdrawn, ApplicantSide),

        // Improved and submitted again (same reference), or withdrawn; when the consented delay ends without a new
        // submission, the application goes back to review and is decided as it stands.
        (ApplicationStatus.ReturnedWithSuggestions, ApplicationStatus.Submitted, ApplicantSide),
        (ApplicationStatus.ReturnedWithSuggestions, ApplicationStatus.Withdrawn, ApplicantSide),
        (ApplicationStatus.ReturnedWithSuggestions, ApplicationStatus.InReview, [Reviewer, System]),

        // A decision reopened (after an objection or a mistake; withdrawing or amending a decision takes this path too): only
        // an approver, with a reason the decision records; the application is reviewed again and gets a new decision.
        (ApplicationStatus.Granted, ApplicationStatus.InReview, [Approver]),
        (ApplicationStatus.PartiallyGranted, ApplicationStatus.InReview, [Approver]),
        (ApplicationStatus.Rejected, ApplicationStatus.InReview, [Approver]),
        (ApplicationStatus.NotProcessed, ApplicationStatus.InReview, [Approver]),
    ];

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to, ActorRole by) =>
        Table.Any(t => t.From == from && t.To == to && t.By.Contains(by));

    /// <summary>Whether anyone at all may make this move (for pages that only ask whether a step exists).</summary>
    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Table.Any(t => t.From == from && t.To == to);

    public static void EnsureCanMove(ApplicationStatus from, ApplicationStatus to, ActorRole by)
    {
        if (!CanMove(from, to, by)) throw new DomainException("Application.TransitionNotAllowed");
    }

    /// <summary>A decision has been taken: the end of this procedure, unless an approver reopens it (back to review).</summary>
    public static bool IsDecided(ApplicationStatus status) => status is ApplicationStatus.Granted or ApplicationStatus.PartiallyGranted
        or ApplicationStatus.Rejected or ApplicationStatus.NotProcessed;

    /// <summary>The applicant (or a coach allowed to edit) may change the answers.</summary>
    public static bool IsEditable(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.ReturnedWithSuggestions;
}
