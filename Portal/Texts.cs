namespace Portal;

// Marker types for the resource files of each feature (Resources/<Name>.resx in Dutch, <Name>.en.resx, <Name>.ar.resx),
// so features keep their texts apart. SharedResource holds the layout and account texts.

/// <summary>Scheme catalogue, scheme texts and quick checks.</summary>
public sealed class SchemeText;

/// <summary>Organisation profile, payment route and co-applicants.</summary>
public sealed class OrganisationText;

/// <summary>Application task list, the activity questions and the budget.</summary>
public sealed class ApplicationText;

/// <summary>Attachments, check your answers, submitting, status and withdrawing.</summary>
public sealed class SubmissionText;

/// <summary>Asking for a coach, coaching requests and the coach's work.</summary>
public sealed class CoachingText;

/// <summary>Coaches' access to an application (consent, revoke, who did what), comments at a question and the coach's Dutch summary.</summary>
public sealed class ConsentText;

/// <summary>Assisted applications: a coach applying on behalf of someone who is not online, the written authorisation and the takeover.</summary>
public sealed class AssistedText;

/// <summary>The reviewers' inbox, assignment, conflict of interest, the reviewer's view of an application and its timeline.</summary>
public sealed class ReviewText;

/// <summary>Completeness requests (art. 4:5 Awb), questions and the message thread between applicant and reviewer.</summary>
public sealed class RequestText;

/// <summary>Assessment against the scheme's criteria, proposed outcomes and the approver's four-eyes check.</summary>
public sealed class AssessmentText;

/// <summary>The schemes' budget ceilings (art. 4:25 Awb): reservations, the published order and what is left.</summary>
public sealed class BudgetText;

/// <summary>Decision terms on both sides: the legal and service-target dates, extending (art. 4:14) and the notice of default (art. 4:17).</summary>
public sealed class TermText;

/// <summary>The decision letter (besluit) in plain Dutch with a summary in the applicant's language, and the pages that show it.</summary>
public sealed class DecisionText;
/// <summary>Objection online (bezwaar, art. 6:4 ff Awb) and reopening, withdrawing or amending a decision (issue 12, points 4 and 5).</summary>
public sealed class ObjectionText;
/// <summary>Dispatch of decisions (Wmebv): consent to email, the decision's email, the letters staff post, sending and receipt.</summary>
public sealed class DispatchText;
/// <summary>The light report that settles a verlening, its reminders, and the reviewers' vaststelling (issue 12, point 6).</summary>
public sealed class ReportText;
/// <summary>Payment batches for the finance department (SEPA file) and the suggestions of a return shown at their question.</summary>
public sealed class PaymentText;
