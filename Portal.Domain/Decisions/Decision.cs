using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Domain.Decisions;

/// <summary>
/// What kind of besluit this is (Nijmeegse Kaderverordening Subsidies 2019, VNG on small grants). Stored by name, so never
/// rename one.
/// </summary>
public enum DecisionKind
{
    /// <summary>Directe vaststelling: the amount is final at once (small grants; reclaimed only for fraud and the like).</summary>
    DirectVaststelling,
    /// <summary>Verlening: granted on conditions; settled by a <see cref="Vaststelling"/> after a light report.</summary>
    Verlening,
    /// <summary>Vaststelling after a verlening: the final amount, after the group reported on the activity.</summary>
    Vaststelling,
    /// <summary>Weigering: refused.</summary>
    Refusal,
    /// <summary>Buiten behandeling gesteld (art. 4:5 Awb): a completeness request went unanswered within its term.</summary>
    NotProcessed,
}

/// <summary>
/// The only grounds on which a vaststelling may be lower than the verlening (art. 4:46(2) Awb). Stored by name, so never
/// rename one.
/// </summary>
public enum SettlementGround
{
    /// <summary>a. the activity did not take place, or not in full.</summary>
    NotTookPlace,
    /// <summary>b. the group did not meet the obligations of the verlening.</summary>
    ObligationsNotMet,
    /// <summary>c. the information given was incorrect or incomplete, and a correct application would have had another outcome.</summary>
    IncorrectInformation,
    /// <summary>d. the verlening was wrong and the group knew or should have known that.</summary>
    ShouldHaveKnown,
}

/// <summary>How a decision reached the applicant (Wmebv: email only with their recorded consent). Stored by name.</summary>
public enum DispatchChannel
{
    Email,
    Post,
}

/// <summary>
/// A besluit on an application: one version of it. A decision is never changed after it is taken: reopening it (after an
/// objection or a mistake) marks it <see cref="ReopenedAt"/> and the next decision gets the next <see cref="Number"/>, so
/// every version stays readable. It keeps what the letter says (reasons, amount, obligations) and what the law needs to be
/// shown later: the decision date, the sending date and channel, the last day to object, and when the applicant opened it.
/// </summary>
public sealed class Decision : AggregateRoot
{
    /// <summary>Up to this amount a grant is a directe vaststelling unless the scheme says otherwise (VNG: small grants).</summary>
    public static readonly Money.Money DefaultDirectVaststellingUpTo = Money.Money.FromEuros(5000);

    /// <summary>The vaststelling of a verlening is due this many weeks after the activity ended.</summary>
    public const int VaststellingWeeksAfterActivity = 13;

    /// <summary>Objection (bezwaar) within six weeks from the day after the decision was sent (art. 6:7 and 6:8 Awb).</summary>
    public const int ObjectionWeeks = 6;

    public const int MaxReopenReasonLength = 2000;

    /// <summary>The written reason of a vaststelling below the verlening.</summary>
    public const int MaxSettlementReasonLength = 4000;

    /// <summary>The obligations every verlening writes out: only what is written in it can be enforced later.</summary>
    public static readonly IReadOnlyList<string> VerleningObligations = ["Report", "TellChanges", "SpendOnActivity", "KeepReceipts"];

    private Decision() { }

    private Decision(Guid applicationId, Guid? assessmentId, int number, DecisionKind kind, ProposedOutcome outcome, long? amountCents,
        long requestedCents, Actor by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        AssessmentId = assessmentId;
        Number = number;
        Kind = kind;
        Outcome = outcome;
        AmountCents = amountCents;
        RequestedCents = requestedCents;
        DecidedBy = by.UserId;
        DecidedAt = now;
        DecidedOn = NijmegenTime.DayOf(now);
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>The assessment the decision rests on (null for a vaststelling, which rests on the report).</summary>
    public Guid? AssessmentId { get; private set; }
    /// <summary>1 for the first decision on the application, 2 after a reopening or for the vaststelling, and so on.</summary>
    public int Number { get; private set; }
    public DecisionKind Kind { get; private set; }
    public ProposedOutcome Outcome { get; private set; }
    /// <summary>The amount granted (or settled), null for a refusal or not processing.</summary>
    public long? AmountCents { get; private set; }
    public long RequestedCents { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    /// <summary>The date of the decision as the letter states it.</summary>
    public DateOnly DecidedOn { get; private set; }

    /// <summary>The reason templates chosen (keys "Assessment.Template.{Outcome}.{Key}"), frozen with the decision.</summary>
    public string ReasonKeys { get; private set; } = "";
    /// <summary>The reviewer's own words for the reasons.</summary>
    public string? ReasonText { get; private set; }
    /// <summary>The assessment's feedback to the applicant: part of the reasons (art. 3:46 Awb).</summary>
    public string? Feedback { get; private set; }
    /// <summary>What the applicant could improve (with a refusal or a partial grant).</summary>
    public string? Suggestions { get; private set; }
    /// <summary>The obligations of a verlening (keys "Decision.Obligation.{Key}"), empty for other kinds.</summary>
    public string ObligationKeys { get; private set; } = "";
    /// <summary>The activity's last day (a verlening's end date), from the application.</summary>
    public DateOnly? ActivityEndsOn { get; private set; }
    /// <summary>A verlening's vaststelling is due on this day: <see cref="VaststellingWeeksAfterActivity"/> weeks after the end date.</summary>
    public DateOnly? VaststellingDueOn { get; private set; }
    /// <summary>The application as decided on, frozen (JSON): what was decided on is what stays on file.</summary>
    public string ApplicationSnapshot { get; private set; } = "{}";

    /// <summary>A vaststelling: the verlening it settles.</summary>
    public Guid? SettlesDecisionId { get; private set; }
    /// <summary>A vaststelling below the verlening: the ground of art. 4:46(2) Awb it rests on (its reason in <see cref="ReasonText"/>).</summary>
    public SettlementGround? SettlementGround { get; private set; }

    public DispatchChannel? Channel { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The last day an objection is on time, set when the decision is sent.</summary>
    public DateOnly? ObjectionLastDay { get; private set; }
    /// <summary>The first time a member opened the decision in the portal (the municipality shows receipt with it).</summary>
    public DateTimeOffset? FirstOpenedAt { get; private set; }

    public DateTimeOffset? ReopenedAt { get; private set; }
    public Guid? ReopenedBy { get; private set; }
    public string? ReopenReason { get; private set; }
    public uint Version { get; private set; }

    public Money.Money? Amount => AmountCents is { } cents ? new Money.Money(cents) : null;
    public Money.Money Requested => new(RequestedCents);
    public IReadOnlyList<string> Reasons => ReasonKeys.Split(';', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<string> Obligations => ObligationKeys.Split(';', StringSplitOptions.RemoveEmptyEntries);
    /// <summary>Still the decision on the application (not reopened).</summary>
    public bool Stands => ReopenedAt is null;
    public bool IsGrant => Kind is DecisionKind.DirectVaststelling or DecisionKind.Verlening or DecisionKind.Vaststelling;
    /// <summary>Part of the request is refused (a partial grant, or a grant below the request), so the letter says why.</summary>
    public bool RefusesPart => IsGrant && AmountCents < RequestedCents;

    /// <summary>
    /// The kind a decision on <paramref name="outcome"/> takes: a grant up to the scheme's threshold is vastgesteld at once,
    /// above it verleend (and settled later).
    /// </summary>
    public static DecisionKind KindFor(ProposedOutcome outcome, Money.Money? amount, Scheme scheme) => outcome switch
    {
        ProposedOutcome.Grant or ProposedOutcome.PartialGrant =>
            amount is { } granted && granted <= scheme.DirectVaststellingUpTo ? DecisionKind.DirectVaststelling : DecisionKind.Verlening,
        ProposedOutcome.Refuse => DecisionKind.Refusal,
        ProposedOutcome.NotProcess => DecisionKind.NotProcessed,
        _ => throw new DomainException("Decision.Return.NotADecision"),
    };

    /// <summary>
    /// The decision on a proposal the application has just moved to (its status is decided). A return with suggestions is not
    /// a decision (the application goes back to the applicant), so it has none.
    /// </summary>
    public static Decision Take(Application application, Scheme scheme, int number, Guid? assessmentId, ProposedOutcome outcome,
        Money.Money? amount, IEnumerable<string> reasonKeys, string? reasonText, string? feedback, string applicationSnapshot, Actor by,
        DateTimeOffset now)
    {
        if (!ApplicationStateMachine.IsDecided(application.Status)) throw new DomainException("Application.TransitionNotAllowed");
        var kind = KindFor(outcome, amount, scheme);
        var decision = new Decision(application.Id, assessmentId, number, kind, outcome, amount?.Cents, application.Requested.Cents, by, now)
        {
            ReasonKeys = string.Join(';', reasonKeys),
            ReasonText = reasonText,
            Feedback = feedback,
            Suggestions = application.Suggestions,
            ApplicationSnapshot = applicationSnapshot,
        };
        if (kind == DecisionKind.Verlening)
        {
            decision.ObligationKeys = string.Join(';', VerleningObligations);
            decision.ActivityEndsOn = application.EndsOn ?? application.StartsOn ?? decision.DecidedOn;
            decision.VaststellingDueOn = decision.ActivityEndsOn.Value.AddDays(7 * VaststellingWeeksAfterActivity);
        }
        decision.Raise(new DecisionTaken(application.Id, decision.Id, number, kind, amount?.Cents, by, now));
        return decision;
    }

    /// <summary>
    /// The vaststelling of <paramref name="verlening"/> after the activity (issue 12, point 6): the final amount, as the next
    /// version of the application's decisions. By default it equals the verlening; it is never higher; it may be lower only
    /// on one of the grounds of art. 4:46(2) Awb, with a written reason — the domain refuses anything else, whoever asks.
    /// </summary>
    public static Decision Settle(Decision verlening, int number, Money.Money amount, SettlementGround? ground, string? reason, Actor by,
        DateTimeOffset now)
    {
        if (!by.IsStaff) throw new DomainException("Application.TransitionNotAllowed");
        if (verlening.Kind != DecisionKind.Verlening || !verlening.Stands || verlening.AmountCents is not { } granted)
            throw new DomainException("Vaststelling.NotAVerlening");
        if (verlening.ActivityEndsOn is { } end && NijmegenTime.DayOf(now) < end) throw new DomainException("Vaststelling.NotYet");
        if (number <= verlening.Number) throw new ArgumentOutOfRangeException(nameof(number), "A vaststelling comes after its verlening.");
        if (amount.Cents < 0) throw new DomainException("Money.Negative");
        if (amount.Cents > granted) throw new DomainException("Vaststelling.AboveVerlening");
        var written = reason?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() is { Length: > 0 } r ? r : null;
        if (written is { Length: > MaxSettlementReasonLength }) throw new DomainException("Answer.TooLong");
        var lower = amount.Cents < granted;
        if (lower && (ground is not { } g || !Enum.IsDefined(g))) throw new DomainException("Vaststelling.Ground.Required");
        if (lower && written is null) throw new DomainException("Vaststelling.Reason.Required");
        var decision = new Decision(verlening.ApplicationId, null, number, DecisionKind.Vaststelling,
            lower ? ProposedOutcome.PartialGrant : verlening.Outcome, amount.Cents, verlening.RequestedCents, by, now)
        {
            SettlesDecisionId = verlening.Id,
            SettlementGround = lower ? ground : null,
            ReasonText = written,
            ActivityEndsOn = verlening.ActivityEndsOn,
            ApplicationSnapshot = verlening.ApplicationSnapshot,
        };
        decision.Raise(new DecisionTaken(verlening.ApplicationId, decision.Id, number, DecisionKind.Vaststelling, amount.Cents, by, now));
        decision.Raise(new VerleningSettled(verlening.ApplicationId, decision.Id, verlening.Id, granted, amount.Cents, decision.SettlementGround, by, now));
        return decision;
    }

    /// <summary>
    /// The decision went out (by email with consent, or a printed letter posted): from the day after, the six weeks to object
    /// run (art. 6:8 Awb), and a last day on a weekend or holiday moves to the next working day (Algemene termijnenwet).
    /// </summary>
    public void Sent(DispatchChannel channel, DateTimeOffset at, AtwCalendar calendar, Actor by)
    {
        if (SentAt is not null) throw new DomainException("Decision.AlreadySent");
        Channel = channel;
        SentAt = at;
        ObjectionLastDay = LastDayToObject(NijmegenTime.DayOf(at), calendar);
        Raise(new DecisionSent(ApplicationId, Id, channel, ObjectionLastDay.Value, by, at));
    }

    /// <summary>
    /// Six weeks from the day after sending: a letter sent on a Tuesday can be objected to up to and including the Tuesday six
    /// weeks later; a last day on a weekend day or holiday runs on to the next working day.
    /// </summary>
    public static DateOnly LastDayToObject(DateOnly sentOn, AtwCalendar calendar) => calendar.TermEndingOn(sentOn.AddDays(7 * ObjectionWeeks));

    /// <summary>A member opened the decision in the portal; only the first time counts (and is audited).</summary>
    public void OpenedByApplicant(Actor by, DateTimeOffset now)
    {
        if (FirstOpenedAt is not null || by.Role != ActorRole.Applicant) return;
        FirstOpenedAt = now;
        Raise(new DecisionOpened(ApplicationId, Id, by, now));
    }

    /// <summary>The decision no longer stands: it is reopened, with a reason, and the application is reviewed again.</summary>
    public void Reopen(string? reason, Actor by, DateTimeOffset now)
    {
        if (!Stands) throw new DomainException("Decision.AlreadyReopened");
        var why = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Decision.Reopen.ReasonRequired") : reason.Trim();
        if (why.Length > MaxReopenReasonLength) throw new DomainException("Answer.TooLong");
        ReopenedAt = now;
        ReopenedBy = by.UserId;
        ReopenReason = why;
        Raise(new DecisionReopened(ApplicationId, Id, Number, by, now));
    }
}

public sealed record DecisionTaken(Guid ApplicationId, Guid DecisionId, int Number, DecisionKind Kind, long? AmountCents, Actor Actor,
    DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.decision-taken";
    public override string? Detail =>
        $"decision {DecisionId}; version {Number}; {Kind}; {AmountCents?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} cents";
}

public sealed record DecisionSent(Guid ApplicationId, Guid DecisionId, DispatchChannel Channel, DateOnly ObjectionLastDay, Actor Actor,
    DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.decision-sent";
    public override string? Detail =>
        $"decision {DecisionId}; {Channel}; object by {ObjectionLastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}

public sealed record DecisionOpened(Guid ApplicationId, Guid DecisionId, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.decision-opened";
    public override string? Detail => $"decision {DecisionId}";
}

public sealed record DecisionReopened(Guid ApplicationId, Guid DecisionId, int Number, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.decision-reopened";
    public override string? Detail => $"decision {DecisionId}; version {Number}";
}

public sealed record VerleningSettled(Guid ApplicationId, Guid DecisionId, Guid VerleningId, long GrantedCents, long SettledCents,
    SettlementGround? Ground, Actor Actor, DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.verlening-settled";
    public override string? Detail => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"vaststelling {DecisionId}; verlening {VerleningId}; granted {GrantedCents} cents; settled {SettledCents} cents; ground {Ground?.ToString() ?? "-"}");
}
