using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Messages;

/// <summary>
/// One message in the single thread of an application between the applicant (its members and a coach they let in) and
/// the reviewers — or a reviewer's internal note on the same page, which never reaches the applicant or a coach, or a
/// question from a reviewer to the group's coaches and their answer (<see cref="ForCoaches"/>), which the group's members
/// never read. Never changed or deleted: what was said stays as it was said.
/// </summary>
public sealed class ApplicationMessage : AggregateRoot
{
    public const int MaxLength = 4000;

    private ApplicationMessage() { }

    private ApplicationMessage(Guid applicationId, string text, bool isInternal, Actor by, DateTimeOffset now, bool forCoaches = false)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Text = text;
        IsInternal = isInternal;
        ForCoaches = forCoaches;
        AuthorId = by.UserId!.Value;
        AuthorRole = by.Role;
        CreatedAt = now;
        Raise(new ApplicationMessagePosted(applicationId, Id, isInternal, by, now, forCoaches));
    }

    /// <summary>
    /// A message in the thread: from the applicant or a coach to the reviewers, or from a reviewer to the applicant. Only
    /// once the application has been sent in: before that there is nobody at the municipality to talk to.
    /// </summary>
    public static ApplicationMessage Write(Application application, string? text, Actor by, DateTimeOffset now)
    {
        if (by.UserId is null || by.Role is ActorRole.System) throw new DomainException("Request.Message.Error.NotAllowed");
        if (application.SubmittedAt is null) throw new DomainException("Request.Message.Error.NotSentIn");
        return new ApplicationMessage(application.Id, Checked(text), isInternal: false, by, now);
    }

    /// <summary>A reviewer's note for colleagues: only staff write one, and only staff ever read it.</summary>
    public static ApplicationMessage Note(Application application, string? text, Actor by, DateTimeOffset now)
    {
        if (by.UserId is null || !by.IsStaff) throw new DomainException("Request.Message.Error.NotAllowed");
        if (application.SubmittedAt is null) throw new DomainException("Request.Message.Error.NotSentIn");
        return new ApplicationMessage(application.Id, Checked(text), isInternal: true, by, now);
    }

    /// <summary>
    /// Between the reviewers and the group's coaches only (issue 11, point 4): a reviewer asks a coach for context, and
    /// the coach answers. The group's members never read it. When a decision would rest on it while it differs from what
    /// the group wrote, the group itself must be heard first (art. 4:7 Awb): the proposal form asks for that.
    /// </summary>
    public static ApplicationMessage ForCoachesOnly(Application application, string? text, Actor by, DateTimeOffset now)
    {
        if (by.UserId is null || !(by.IsStaff || by.Role == ActorRole.Coach)) throw new DomainException("Request.Message.Error.NotAllowed");
        if (application.SubmittedAt is null) throw new DomainException("Request.Message.Error.NotSentIn");
        return new ApplicationMessage(application.Id, Checked(text), isInternal: false, by, now, forCoaches: true);
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>A reviewer-internal note: never shown to, nor mailed to, the applicant or a coach.</summary>
    public bool IsInternal { get; private set; }
    /// <summary>Only the reviewers and the group's coaches read it (see <see cref="ForCoachesOnly"/>).</summary>
    public bool ForCoaches { get; private set; }
    public Guid AuthorId { get; private set; }
    public ActorRole AuthorRole { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Written by municipal staff (shown as "the municipality" to the applicant).</summary>
    public bool FromStaff => AuthorRole is ActorRole.Reviewer or ActorRole.Approver;

    /// <summary>Any language and emoji kept as typed (invisible formatting removed); empty or too long is refused.</summary>
    public static string Checked(string? text)
    {
        var kept = UserText.WithoutInvisibleFormatting(text ?? "").Trim();
        if (kept.Length == 0) throw new DomainException("Request.Message.Error.TextRequired");
        if (kept.Length > MaxLength) throw new DomainException("Request.Message.Error.TooLong");
        return kept;
    }
}

/// <summary>A message or an internal note was written; a message is mailed to the other side with this event.</summary>
public sealed record ApplicationMessagePosted(Guid ApplicationId, Guid MessageId, bool IsInternal, Actor Actor, DateTimeOffset OccurredAt,
    bool ForCoaches = false)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => IsInternal ? "application.internal-note-added"
        : ForCoaches ? (Actor.IsStaff ? "application.coach-asked" : "application.coach-answered")
        : "application.message-posted";
    public override string? Detail => $"message {MessageId}";
}
