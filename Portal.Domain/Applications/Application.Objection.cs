using Portal.Domain.Common;
using Portal.Domain.Decisions;

namespace Portal.Domain.Applications;

/// <summary>Objection (bezwaar) and reopening a decision: what the application itself does for them.</summary>
public sealed partial class Application
{
    /// <summary>
    /// A file sent with an objection: stored like the application's attachments (same rules, same storage), marked with the
    /// objection. It can be added after the decision, unlike the application's own files.
    /// </summary>
    public Attachment AttachToObjection(Objection objection, string fileName, string contentType, long sizeBytes, Actor by, DateTimeOffset now)
    {
        if (!by.WritesAnswers || by.UserId is not { } userId) throw new DomainException("Application.NotYours");
        if (objection.ApplicationId != Id) throw new ArgumentException("An objection to another application.", nameof(objection));
        if (ObjectionFiles(objection.Id).Count >= Objection.MaxFiles) throw new DomainException("Objection.Error.TooManyFiles");
        var shown = new string(UserText.WithoutInvisibleFormatting(fileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        var attachment = new Attachment(Id, Schemes.DocumentKind.Other, shown, contentType, sizeBytes, userId, now) { ObjectionId = objection.Id };
        attachments.Add(attachment);
        return attachment;
    }

    /// <summary>The files sent with one objection.</summary>
    public IReadOnlyList<Attachment> ObjectionFiles(Guid objectionId) => attachments.Where(a => a.ObjectionId == objectionId).ToList();

    /// <summary>
    /// The decision was reopened (after an objection or a mistake): the application is reviewed again and gets a new
    /// decision later. Only an approver may (the state machine's table says so); the proposal of the earlier round is gone.
    /// The decision itself records the reason (<see cref="Decision.Reopen"/>); both change in the same save.
    /// </summary>
    public void ReopenForReview(Actor by, DateTimeOffset now)
    {
        if (!ApplicationStateMachine.IsDecided(Status)) throw new DomainException("Application.TransitionNotAllowed");
        MoveTo(ApplicationStatus.InReview, by, now, "decision reopened");
        ProposedOutcome = null;
        Suggestions = null;
    }
}
