using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Domain.Applications;

/// <summary>The notice of default (art. 4:17 Awb): what the applicant can do when the municipality decides late.</summary>
public sealed partial class Application
{
    public DefaultNotice? DefaultNotice { get; private set; }

    /// <summary>The day the decision was taken, or null while it is not.</summary>
    public DateOnly? DecidedOn => events.Where(e => ApplicationStateMachine.IsDecided(e.Status)).Select(e => (DateOnly?)NijmegenTime.DayOf(e.OccurredAt))
        .FirstOrDefault();

    /// <summary>
    /// Whether the applicant may send a notice of default now: the application was sent in, was never decided and is not
    /// withdrawn, its legal decision date has passed, and no notice was sent yet. A decision reopened after an objection has
    /// the objection's own term (art. 7:10 Awb), not the application's, so the application's term no longer counts.
    /// </summary>
    public bool MaySendDefaultNotice(Scheme scheme, DateTimeOffset now) =>
        DefaultNotice is null && Status is not (ApplicationStatus.Draft or ApplicationStatus.Withdrawn)
        && !ApplicationStateMachine.IsDecided(Status) && DecidedOn is null
        && DecisionTerm(scheme, AtwCalendar.Netherlands, now) is { } term && NijmegenTime.DayOf(now) > term.LegalDate;

    /// <summary>
    /// The applicant's notice of default. Refused before the legal date has passed (there is no default yet), after the
    /// decision, on a withdrawn application, and a second time (the first one counts; the penalty runs from it).
    /// </summary>
    public DefaultNotice SendDefaultNotice(Scheme scheme, string? statement, Actor by, DateTimeOffset now)
    {
        if (by.Role != ActorRole.Applicant) throw new DomainException("Application.TransitionNotAllowed");
        if (DefaultNotice is not null) throw new DomainException("Default.Already");
        var written = string.IsNullOrWhiteSpace(statement) ? null : statement.Trim();
        if (written is { Length: > DefaultNotice.MaxStatementLength }) throw new DomainException("Answer.TooLong");
        if (!MaySendDefaultNotice(scheme, now)) throw new DomainException("Default.NotYet");
        DefaultNotice = new DefaultNotice(Id, written, by.UserId, now);
        Raise(new DefaultNoticeReceived(Id, DefaultNotice.Penalty(null, NijmegenTime.DayOf(now)).FirstDay, by, now));
        return DefaultNotice;
    }
}
