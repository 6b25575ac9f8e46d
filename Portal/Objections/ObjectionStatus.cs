using Portal.Domain.Applications;
using Portal.Domain.Decisions;
using Portal.Domain.Terms;
using Portal.Pages.Applications;

namespace Portal.Objections;

/// <summary>
/// What the status page shows about decisions and objections: the decision that stands and the last day to object to it,
/// the objection received (if any), the earlier versions that no longer stand — and the timeline steps they add. Only for an
/// application that has ever been decided; the status page reads what it needs with the rest of the page, in one round trip.
/// </summary>
public sealed record ObjectionStatus(IReadOnlyList<Decision> Decisions, IReadOnlyList<Objection> Objections, bool MayObject, DateOnly Today)
{
    /// <summary>
    /// From the application's decisions (newest first) and objections (newest first), read by the status page in its one round
    /// trip; null for an application that was never decided.
    /// </summary>
    public static ObjectionStatus? Of(Application application, IReadOnlyList<Decision> decisions, IReadOnlyList<Objection> objections,
        bool mayObject, DateTimeOffset now)
    {
        if (application.DecidedOn is null) return null;
        var standing = ApplicationStateMachine.IsDecided(application.Status);
        return new ObjectionStatus(decisions, objections, mayObject && standing, NijmegenTime.DayOf(now))
        {
            Standing = standing ? decisions.FirstOrDefault(d => d.Stands) : null,
        };
    }

    /// <summary>The decision that stands now (the application is decided and it was not reopened), or null.</summary>
    public Decision? Standing { get; init; }

    /// <summary>The objection to the decision that stands, once received.</summary>
    public Objection? ToStanding => Standing is { } decision ? Objections.FirstOrDefault(o => o.DecisionId == decision.Id) : null;

    public DateOnly? LastDay => Standing is { } decision ? Objection.LastDayFor(decision, AtwCalendar.Netherlands) : null;

    /// <summary>
    /// The last day of the new decision on a decision reopened after an objection (art. 7:10 Awb); null while none waits, or
    /// when it was reopened for a mistake of ours without an objection (then no legal term runs: "as soon as we can").
    /// </summary>
    public DateOnly? NewDecisionBy => ReopenedAwaitingNew is { } reopened
        && Objections.FirstOrDefault(o => o.DecisionId == reopened.Id) is { } objection ? objection.DecideBy(AtwCalendar.Netherlands) : null;

    /// <summary>The newest decision was reopened and no new one was taken yet: the applicant is told it no longer stands.</summary>
    public Decision? ReopenedAwaitingNew => Decisions.FirstOrDefault() is { Stands: false } newest ? newest : null;

    public IReadOnlyList<Decision> Earlier => Decisions.Where(d => !d.Stands).ToList();

    /// <summary>The status timeline with the objections received and the reopenings in their place among the steps that happened.</summary>
    public IReadOnlyList<TimelineStep> AddTo(IReadOnlyList<TimelineStep> steps)
    {
        var extra = Objections.Select(o => new TimelineStep("Objection.Timeline.Received", o.LodgedAt, Upcoming: false))
            .Concat(Decisions.Where(d => d.ReopenedAt is not null).Select(d => new TimelineStep("Objection.Timeline.Reopened", d.ReopenedAt, Upcoming: false)));
        // The steps that happened, in time order (a step of the same moment after the status it follows); then what is still to come.
        var happened = steps.Where(s => !s.Upcoming).Select((s, i) => (Step: s, Order: 0, Index: i))
            .Concat(extra.Select((s, i) => (Step: s, Order: 1, Index: i)))
            .OrderBy(x => x.Step.On).ThenBy(x => x.Order).ThenBy(x => x.Index).Select(x => x.Step);
        var upcoming = steps.Where(s => s.Upcoming).ToList();
        if (ReopenedAwaitingNew is not null)
        {
            // The first decision's term is over: the new decision has the objection's term, or none.
            upcoming.RemoveAll(s => s.TextKey is "Status.Upcoming.Decision" or "Status.Upcoming.DecisionLater");
            upcoming.Add(NewDecisionBy is { } by
                ? new TimelineStep("Objection.Timeline.NewDecisionBy", null, Upcoming: true, by)
                : new TimelineStep("Objection.Timeline.NewDecisionSoon", null, Upcoming: true));
        }
        return [.. happened, .. upcoming];
    }
}
