using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Schemes;
using Portal.Infrastructure;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>Where an application stands: a timeline of what happened and what comes next, the contact person and the messages.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class StatusModel(ApplicationAccess access, IOptions<HelpContactOptions> help, TimeProvider clock, PortalDbContext db) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public HelpContactOptions Help => help.Value;
    public IReadOnlyList<TimelineStep> Timeline { get; private set; } = [];
    public bool CanWithdraw { get; private set; }
    /// <summary>A member may see and change which coaches have access ("Wie helpt mee").</summary>
    public bool ManagesCoaches { get; private set; }
    public bool Withdrawn { get; private set; }
    /// <summary>When a coach sent it in for someone who is not online: who, for whom, and when (that timeline step says so).</summary>
    public Domain.Assisted.AssistedApplication? OnBehalf { get; private set; }
    /// <summary>The decision term as it stands today (null before submission): the dates the applicant can hold us to.</summary>
    public Domain.Terms.DecisionTerm? Term { get; private set; }
    /// <summary>The legal date has passed and this member may send the notice of default.</summary>
    public bool MaySendDefaultNotice { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>How many messages of the thread the applicant sees (internal notes never count).</summary>
    public int VisibleMessages { get; private set; }
    /// <summary>The latest decision on the application (issue 12), shown in short with a link to its letter.</summary>
    public Domain.Decisions.Decision? Decision { get; private set; }
    /// <summary>This reader may open the decision letter (members and the coaches they let in).</summary>
    public bool ReadsDecision { get; private set; }
    /// <summary>The light report on a verleend grant (issue 12): null when the application has no verlening that stands.</summary>
    public Portal.Settlement.ActivityReports.Standing? Report { get; private set; }

    /// <summary>Decisions and objections (issue 12): null for an application that was never decided.</summary>
    public Portal.Objections.ObjectionStatus? Objections { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, bool withdrawn = false)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return NotFound();
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Timeline = TimelineStep.For(application, Scheme, clock.GetUtcNow());
        // Who sent it in for whom, the thread's size, the decisions and objections, in one round trip (the page's budget is two).
        var extras = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => new
        {
            OnBehalf = db.Set<Domain.Assisted.AssistedApplication>().FirstOrDefault(x => x.ApplicationId == id && x.SubmittedAt != null),
            Messages = db.Set<Domain.Messages.ApplicationMessage>().Count(m => m.ApplicationId == id && !m.IsInternal && !m.ForCoaches),
            Decisions = db.Decisions.Where(d => d.ApplicationId == id).OrderByDescending(d => d.Number).ToList(),
            Objections = db.Set<Domain.Decisions.Objection>().Where(o => o.ApplicationId == id).OrderByDescending(o => o.LodgedAt).ToList(),
            Reports = db.Set<Domain.Decisions.ActivityReport>().Where(r => r.ApplicationId == id).ToList(),
        }).SingleAsync();
        (OnBehalf, VisibleMessages, Decision) = (extras.OnBehalf, extras.Messages, extras.Decisions.FirstOrDefault());
        Report = application.Status is ApplicationStatus.Granted or ApplicationStatus.PartiallyGranted
            ? Portal.Settlement.ActivityReports.Standing.Of(extras.Decisions, extras.Reports)
            : null;
        CanWithdraw = ApplicationStateMachine.CanMove(application.Status, ApplicationStatus.Withdrawn);
        var grants = await access.OnApplicationAsync(User, id);
        ManagesCoaches = grants?.Allows(Capability.GrantCoachAccess) == true;
        ReadsDecision = grants?.Allows(Capability.ReadDecision) == true;
        var now = clock.GetUtcNow();
        Today = Domain.Terms.NijmegenTime.DayOf(now);
        Term = application.DecidedOn is null && application.Status != ApplicationStatus.Withdrawn
            ? application.DecisionTerm(Scheme, Domain.Terms.AtwCalendar.Netherlands, now)
            : null;
        MaySendDefaultNotice = grants?.Allows(Capability.SendDefaultNotice) == true && application.MaySendDefaultNotice(Scheme, now);
        Withdrawn = withdrawn && application.Status == ApplicationStatus.Withdrawn;
        Objections = Portal.Objections.ObjectionStatus.Of(application, extras.Decisions, extras.Objections, grants?.Allows(Capability.EditAnswers) == true, now);
        if (Objections is not null) Timeline = Objections.AddTo(Timeline);
        return Page();
    }
}

/// <summary>
/// One line of the status timeline: something that happened (with its date) or a step still to come — with the day the
/// decision is due once that is known (<see cref="Due"/>), before that the scheme's term in weeks (<see cref="Weeks"/>),
/// the same promise as on the scheme's page.
/// </summary>
public sealed record TimelineStep(string TextKey, DateTimeOffset? On, bool Upcoming, DateOnly? Due = null, int? Weeks = null)
{
    public static IReadOnlyList<TimelineStep> For(Application application, Scheme scheme, DateTimeOffset now)
    {
        var steps = new List<TimelineStep>();
        ApplicationStatus? previous = null;
        foreach (var e in application.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
        {
            // A proposed decision is the municipality's internal step: for the applicant it is still "in review".
            var shown = e.Status == ApplicationStatus.DecisionProposed ? ApplicationStatus.InReview : e.Status;
            if (shown == previous) continue;
            steps.Add(new($"Status.Event.{shown}", e.OccurredAt, Upcoming: false));
            previous = shown;
        }

        var status = application.Status;
        if (status == ApplicationStatus.Withdrawn || ApplicationStateMachine.IsDecided(status)) return steps;
        if (ApplicationStateMachine.IsEditable(status)) steps.Add(new("Status.Upcoming.Submit", null, Upcoming: true));
        if (ApplicationStateMachine.IsEditable(status) || status == ApplicationStatus.Submitted) steps.Add(new("Status.Upcoming.Review", null, Upcoming: true));
        if (status != ApplicationStatus.InformationRequested) steps.Add(new("Status.Upcoming.Questions", null, Upcoming: true));
        steps.Add(application.DecisionDueOn(scheme, now) is { } due
            ? new("Status.Upcoming.Decision", null, Upcoming: true, due)
            : new("Status.Upcoming.DecisionLater", null, Upcoming: true, Weeks: scheme.DecisionWeeks));
        return steps;
    }
}
