namespace Portal.Domain.Review;

/// <summary>How often a reviewer wants email about their applications. Stored by name, so never rename one.</summary>
public enum ReviewEmailFrequency
{
    EachEvent,
    DailyDigest,
    Never,
}

/// <summary>A reviewer's own choices: how often they are emailed, and when they last looked at the inbox ("new since").</summary>
public sealed class ReviewerSettings
{
    private ReviewerSettings() { }

    public ReviewerSettings(Guid userId)
    {
        UserId = userId;
        EmailFrequency = ReviewEmailFrequency.EachEvent;
    }

    public Guid UserId { get; private set; }
    public ReviewEmailFrequency EmailFrequency { get; private set; }
    /// <summary>The last time the reviewer opened the inbox.</summary>
    public DateTimeOffset? InboxOpenedAt { get; private set; }
    /// <summary>The time before that: "new since I last looked" means received after this.</summary>
    public DateTimeOffset? InboxOpenedBefore { get; private set; }

    public void Choose(ReviewEmailFrequency frequency) => EmailFrequency = frequency;

    public void OpenedInbox(DateTimeOffset now)
    {
        InboxOpenedBefore = InboxOpenedAt;
        InboxOpenedAt = now;
    }

    /// <summary>Whether this reviewer is emailed at once about one event (a hand-over to them).</summary>
    public bool WantsEachEvent => EmailFrequency == ReviewEmailFrequency.EachEvent;
}
