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
    /// <summary>When the last daily digest was made (sent or found empty); the next one tells what happened since.</summary>
    public DateTimeOffset? DigestSentAt { get; private set; }

    /// <summary>Chooses how often; choosing the digest starts it from now (the first one comes the next morning).</summary>
    public void Choose(ReviewEmailFrequency frequency, DateTimeOffset now)
    {
        if (frequency == ReviewEmailFrequency.DailyDigest && EmailFrequency != ReviewEmailFrequency.DailyDigest) DigestSentAt = now;
        EmailFrequency = frequency;
    }

    public void OpenedInbox(DateTimeOffset now)
    {
        InboxOpenedBefore = InboxOpenedAt;
        InboxOpenedAt = now;
    }

    /// <summary>Whether this reviewer is emailed at once about each event of their applications.</summary>
    public bool WantsEachEvent => EmailFrequency == ReviewEmailFrequency.EachEvent;

    /// <summary>The hour of the Nijmegen day from which the daily digest goes out (before the working day starts).</summary>
    public const int DigestHour = 7;

    /// <summary>A digest reviewer's digest is due once a day, from <see cref="DigestHour"/> on, if today's was not made yet.</summary>
    public bool DigestDue(DateTimeOffset now) =>
        EmailFrequency == ReviewEmailFrequency.DailyDigest
        && Terms.NijmegenTime.Local(now).Hour >= DigestHour
        && (DigestSentAt is not { } sent || Terms.NijmegenTime.DayOf(sent) < Terms.NijmegenTime.DayOf(now));

    /// <summary>What the digest made <paramref name="now"/> covers: since the last one (or the choice), else the last day.</summary>
    public DateTimeOffset DigestSince(DateTimeOffset now) => DigestSentAt ?? now.AddDays(-1);

    public void DigestSent(DateTimeOffset now) => DigestSentAt = now;
}
