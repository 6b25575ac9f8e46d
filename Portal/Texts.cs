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
