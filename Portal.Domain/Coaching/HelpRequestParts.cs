using Portal.Domain.Common;

namespace Portal.Domain.Coaching;

/// <summary>A request offered to one coach: it shows on their dashboard, and they are emailed about it (bundled).</summary>
public sealed class HelpRequestOffer
{
    private HelpRequestOffer() { }

    internal HelpRequestOffer(Guid helpRequestId, Guid coachId, OfferReason reason, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        HelpRequestId = helpRequestId;
        CoachId = coachId;
        Reason = reason;
        OfferedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid HelpRequestId { get; private set; }
    public Guid CoachId { get; private set; }
    public OfferReason Reason { get; private set; }
    public DateTimeOffset OfferedAt { get; private set; }

    /// <summary>When the coach was emailed about it; null while the email waits to be bundled.</summary>
    public DateTimeOffset? NotifiedAt { get; private set; }

    public void Notified(DateTimeOffset now) => NotifiedAt ??= now;
}

/// <summary>A coach's private note on a request: for the coaches who work on it, never shown to the person.</summary>
public sealed class HelpRequestNote
{
    private HelpRequestNote() { }

    internal HelpRequestNote(Guid helpRequestId, Guid coachId, string text, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        HelpRequestId = helpRequestId;
        CoachId = coachId;
        Text = text;
        WrittenAt = now;
    }

    public Guid Id { get; private set; }
    public Guid HelpRequestId { get; private set; }
    public Guid CoachId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }
}
