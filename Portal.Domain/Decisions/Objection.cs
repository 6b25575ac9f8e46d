using System.Globalization;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Terms;

namespace Portal.Domain.Decisions;

/// <summary>
/// A bezwaar (art. 6:4 ff Awb): the applicant's side says, in their own words, that they do not agree with a decision that
/// stands. One objection per decision version — a second click, a second tab or a coach and a member at the same moment
/// find the one already received (the database holds to it too); more can be added as a message. An objection after the
/// last day is still received, and marked late: staff judge whether the lateness is excusable (art. 6:11 Awb).
/// </summary>
public sealed class Objection : AggregateRoot
{
    /// <summary>Room for the why in the applicant's own words; a longer story can go in a file.</summary>
    public const int MaxTextLength = 8000;

    /// <summary>At most this many files with one objection (each within the attachment rules).</summary>
    public const int MaxFiles = 5;

    private Objection() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid DecisionId { get; private set; }
    /// <summary>The version of the decision objected to (1, 2, …).</summary>
    public int DecisionNumber { get; private set; }
    /// <summary>Why, in the words of the person who objected: any language and emoji kept as typed.</summary>
    public string Text { get; private set; } = "";
    public Guid LodgedBy { get; private set; }
    /// <summary>A member (Applicant) or a coach with consent to edit (Coach), on the group's behalf.</summary>
    public ActorRole LodgedAs { get; private set; }
    public DateTimeOffset LodgedAt { get; private set; }
    /// <summary>The day in Nijmegen it was received: what counts for the term (art. 6:9 Awb).</summary>
    public DateOnly ReceivedOn { get; private set; }
    /// <summary>The last day it was on time: the decision's, or computed from the decision date when it was not sent yet.</summary>
    public DateOnly LastDay { get; private set; }
    /// <summary>Received after <see cref="LastDay"/>: still received; staff judge the lateness (art. 6:11 Awb).</summary>
    public bool IsLate { get; private set; }
    /// <summary>When an approver reopened the decision (because of this objection or otherwise), or null while it waits.</summary>
    public DateTimeOffset? DecisionReopenedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpen => DecisionReopenedAt is null;

    /// <summary>
    /// The last day an objection to <paramref name="decision"/> is on time: the day set when it was sent (six weeks from the
    /// day after sending, Atw), or — not sent yet — six weeks from the decision date, so that nobody is told "too late"
    /// because the municipality was slow to send.
    /// </summary>
    public static DateOnly LastDayFor(Decision decision, AtwCalendar calendar) =>
        decision.ObjectionLastDay ?? Decision.LastDayToObject(decision.DecidedOn, calendar);

    /// <summary>Weeks the municipality has to decide on an objection (art. 7:10(1) Awb; no advisory committee of art. 7:13).</summary>
    public const int DecideWithinWeeks = 6;

    /// <summary>
    /// The last day to decide on this objection: six weeks from the day after the term to object ended (art. 7:10(1) Awb), a
    /// last day on a weekend day or holiday running on to the next working day. For a late objection the six weeks count
    /// from the day after it was received: a term that would have ended before it came is no term at all.
    /// </summary>
    public DateOnly DecideBy(AtwCalendar calendar) =>
        calendar.TermEndingOn((ReceivedOn > LastDay ? ReceivedOn : LastDay).AddDays(7 * DecideWithinWeeks));

    /// <summary>
    /// Receives the objection of a member (or a coach allowed to edit) to the decision that stands on the application. The
    /// files are attached afterwards with <see cref="Application.AttachToObjection"/>, in the same save.
    /// </summary>
    public static Objection Lodge(Application application, Decision decision, string? text, Actor by, DateTimeOffset now, AtwCalendar calendar)
    {
        if (!by.WritesAnswers || by.UserId is not { } userId) throw new DomainException("Application.NotYours");
        if (decision.ApplicationId != application.Id) throw new ArgumentException("A decision on another application.", nameof(decision));
        if (!decision.Stands || !ApplicationStateMachine.IsDecided(application.Status)) throw new DomainException("Objection.Error.NoDecision");
        // A browser sends a line break as CR LF: kept as one line break, so the text reads (and is shown) the same everywhere.
        var kept = LineBreaks(UserText.WithoutInvisibleFormatting(text ?? "")).Trim();
        if (kept.Length == 0) throw new DomainException("Objection.Error.TextRequired");
        if (kept.Length > MaxTextLength) throw new DomainException("Objection.Error.TooLong");
        var receivedOn = NijmegenTime.DayOf(now);
        var lastDay = LastDayFor(decision, calendar);
        var objection = new Objection
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            DecisionId = decision.Id,
            DecisionNumber = decision.Number,
            Text = kept,
            LodgedBy = userId,
            LodgedAs = by.Role,
            LodgedAt = now,
            ReceivedOn = receivedOn,
            LastDay = lastDay,
            IsLate = receivedOn > lastDay,
        };
        objection.Raise(new ObjectionLodged(application.Id, objection.Id, decision.Number, objection.IsLate, lastDay, by, now));
        return objection;
    }

    /// <summary>Every line break as "\n" (a browser's CR LF, an old Mac's CR).</summary>
    public static string LineBreaks(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The decision it was about was reopened: the objection has had its effect (and is no longer open).</summary>
    public void DecisionReopened(DateTimeOffset now) => DecisionReopenedAt ??= now;
}

/// <summary>An objection was received. The detail says whether it was on time, never what was written.</summary>
public sealed record ObjectionLodged(Guid ApplicationId, Guid ObjectionId, int DecisionNumber, bool IsLate, DateOnly LastDay, Actor Actor,
    DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.objection-lodged";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture,
        $"objection {ObjectionId}; decision version {DecisionNumber}; {(IsLate ? "late" : "on time")}; last day {LastDay:yyyy-MM-dd}");
}
