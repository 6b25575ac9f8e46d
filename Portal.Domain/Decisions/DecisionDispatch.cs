using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Terms;

namespace Portal.Domain.Decisions;

/// <summary>Why a decision goes as a letter by post. Stored by name, so never rename one.</summary>
public enum PostReason
{
    /// <summary>Nobody it goes to said decisions may reach them by email (Wmebv).</summary>
    NoConsent,
    /// <summary>The email could not be delivered, after every retry of the outbox.</summary>
    EmailFailed,
}

/// <summary>
/// How one decision reaches the people it is for (Wmebv, art. 2:14 Awb): by email to those who agreed to that, otherwise as a
/// printed letter that staff post. One per decision, made in the same SaveChanges as the decision.
/// <para>
/// <b>The sending date by email</b> is the moment the mail server accepted the first of the decision's emails (the outbox
/// marks it sent), not the moment it was put in the outbox: from then on it is out of the portal's hands (art. 2:17(1)
/// Awb), and an email that is never accepted was never sent. So the term to object (six weeks from the day after sending)
/// starts only once an email was really handed over.
/// </para>
/// <para>
/// <b>When the email fails</b> after every retry, the decision was never sent: it becomes a task for staff to post the
/// letter, and the sending date, and with it the term to object, is the day staff post it. Should an email be sent again
/// and go after all before the letter is posted, that email is the sending and the task is done.
/// </para>
/// </summary>
public sealed class DecisionDispatch : AggregateRoot
{
    private DecisionDispatch() { }

    private DecisionDispatch(Decision decision, DispatchChannel route, IEnumerable<Guid> emailIds, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        DecisionId = decision.Id;
        ApplicationId = decision.ApplicationId;
        Route = route;
        EmailMessageIds = [.. emailIds];
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>How the decision was meant to go when it was taken: by email (someone agreed) or by post.</summary>
    public DispatchChannel Route { get; private set; }
    /// <summary>The outbox messages that carry the decision's notification, one per recipient who agreed to email.</summary>
    public Guid[] EmailMessageIds { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Why it must be posted (null while it goes by email).</summary>
    public PostReason? PostReason { get; private set; }
    /// <summary>Since when staff have the letter to post.</summary>
    public DateTimeOffset? PostTaskSince { get; private set; }
    /// <summary>The day staff posted the letter, as they said it.</summary>
    public DateOnly? PostedOn { get; private set; }
    public Guid? PostedBy { get; private set; }
    public DateTimeOffset? PostedRecordedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Staff have a letter to post that is not posted yet.</summary>
    public bool NeedsPosting => PostTaskSince is not null && PostedOn is null;

    /// <summary>The decision goes by email: the outbox messages that carry it to the recipients who agreed.</summary>
    public static DecisionDispatch ByEmail(Decision decision, IReadOnlyCollection<Guid> emailIds, DateTimeOffset now)
    {
        if (emailIds.Count == 0) throw new ArgumentException("By email needs at least one email.", nameof(emailIds));
        return new DecisionDispatch(decision, DispatchChannel.Email, emailIds, now);
    }

    /// <summary>Nobody agreed to email: the letter is a task for staff from the start.</summary>
    public static DecisionDispatch ByPost(Decision decision, DateTimeOffset now)
    {
        var dispatch = new DecisionDispatch(decision, DispatchChannel.Post, [], now);
        dispatch.OpenPostTask(Decisions.PostReason.NoConsent, now);
        return dispatch;
    }

    /// <summary>
    /// The mail server accepted the first email (<paramref name="acceptedAt"/>, the outbox's sending time): that is the sending
    /// of the decision. Nothing happens when the decision was sent already (by the letter, or by another recipient's email).
    /// </summary>
    public bool EmailAccepted(Decision decision, DateTimeOffset acceptedAt, AtwCalendar calendar)
    {
        EnsureFor(decision);
        if (decision.SentAt is not null || !decision.Stands) return false;
        decision.Sent(DispatchChannel.Email, acceptedAt, calendar, Actor.System);
        return true;
    }

    /// <summary>Every email of the decision failed for good (the outbox gave up): staff post the letter instead.</summary>
    public bool EmailsFailed(Decision decision, DateTimeOffset now)
    {
        EnsureFor(decision);
        if (decision.SentAt is not null || !decision.Stands || PostTaskSince is not null) return false;
        OpenPostTask(Decisions.PostReason.EmailFailed, now);
        return true;
    }

    /// <summary>
    /// Staff posted the letter on <paramref name="postedOn"/>: that day is the sending date and the term to object runs from the
    /// day after. Not a day in the future, nor before the decision was taken.
    /// </summary>
    public void Posted(Decision decision, DateOnly? postedOn, AtwCalendar calendar, Actor by, DateTimeOffset now)
    {
        EnsureFor(decision);
        if (!by.IsStaff) throw new DomainException("Dispatch.Post.StaffOnly");
        if (!decision.Stands) throw new DomainException("Decision.AlreadyReopened");
        if (decision.SentAt is not null || PostedOn is not null) throw new DomainException("Decision.AlreadySent");
        if (PostTaskSince is null) throw new DomainException("Dispatch.Post.NotNeeded");
        if (postedOn is not { } day) throw new DomainException("Dispatch.Post.DateRequired");
        if (day > NijmegenTime.DayOf(now)) throw new DomainException("Dispatch.Post.DateInFuture");
        if (day < decision.DecidedOn) throw new DomainException("Dispatch.Post.DateBeforeDecision");
        PostedOn = day;
        PostedBy = by.UserId;
        PostedRecordedAt = now;
        // Posted today: the moment it was recorded; an earlier day: noon UTC, which is that same day in Nijmegen.
        var at = day == NijmegenTime.DayOf(now) ? now : new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        decision.Sent(DispatchChannel.Post, at, calendar, by);
    }

    private void OpenPostTask(PostReason reason, DateTimeOffset now)
    {
        PostReason = reason;
        PostTaskSince = now;
        Raise(new DecisionPostTaskOpened(ApplicationId, DecisionId, reason, Actor.System, now));
    }

    private void EnsureFor(Decision decision)
    {
        if (decision.Id != DecisionId) throw new ArgumentException("Another decision.", nameof(decision));
    }
}

/// <summary>A letter to post became a task for staff (no consent to email, or the email failed).</summary>
public sealed record DecisionPostTaskOpened(Guid ApplicationId, Guid DecisionId, PostReason Reason, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.decision-post-task";
    public override string? Detail => $"decision {DecisionId}; {Reason}";
}
