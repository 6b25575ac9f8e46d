using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// The mail that domain events cause, put in the outbox of the same SaveChanges: the confirmation of a submission, of a
/// withdrawal, the notice of an extended decision term (art. 4:14 Awb) and the receipt of a notice of default (4:17), each in the recipient's language. A change
/// a coach made on the group's behalf is told to every member.
/// </summary>
internal static class ApplicationMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var mailing = events.Where(e => e is ApplicationStatusChanged { To: ApplicationStatus.Submitted or ApplicationStatus.Withdrawn }
            or DecisionTermExtended or DefaultNoticeReceived).Cast<ApplicationDomainEvent>().ToList();
        if (mailing.Count == 0) return;

        var clock = services.GetRequiredService<TimeProvider>();
        var text = services.GetRequiredService<PortalText>();
        var links = services.GetRequiredService<PublicLinks>();
        var emails = new SubmissionEmails(new EmailOutbox(db, clock, text), text, services.GetRequiredService<IOptions<HelpContactOptions>>().Value);
        foreach (var domainEvent in mailing)
        {
            // The application is tracked: it is the one that raised the event.
            var application = db.Applications.Local.Single(a => a.Id == domainEvent.ApplicationId);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var statusLink = links.Page("/Applications/Status", new { id = application.Id });
            switch (domainEvent)
            {
                case ApplicationStatusChanged { To: ApplicationStatus.Submitted } submitted:
                    foreach (var user in await ApplicantsToTellAsync(db, application, submitted, cancellationToken))
                        emails.Submitted(user, application, scheme, statusLink, submitted.OccurredAt);
                    break;
                // A draft that was never sent needs no confirmation that it is gone.
                case ApplicationStatusChanged { To: ApplicationStatus.Withdrawn } withdrawn when application.Reference is not null:
                    foreach (var user in await ApplicantsToTellAsync(db, application, withdrawn, cancellationToken))
                        emails.Withdrawn(user, application, scheme);
                    break;
                case DecisionTermExtended extended:
                    foreach (var user in await UsersAsync(db, await MembersAsync(db, application, cancellationToken), cancellationToken))
                        emails.Extended(user, application, scheme, extended.NewDate, extended.Reason, statusLink);
                    break;
                // The receipt of a notice of default (art. 4:17(4) with 4:3a Awb), to every member: it is the group's claim.
                case DefaultNoticeReceived notice:
                    foreach (var user in await UsersAsync(db, await MembersAsync(db, application, cancellationToken), cancellationToken))
                        emails.DefaultNoticeReceived(user, application, notice.OccurredAt, notice.PenaltyFrom, statusLink);
                    break;
            }
        }
    }

    /// <summary>
    /// Who hears that the application was sent or withdrawn: the member who did it; when a coach did it on the group's
    /// behalf, every member (the coach knows, the group must).
    /// </summary>
    private static async Task<List<PortalUser>> ApplicantsToTellAsync(PortalDbContext db, Application application, DomainEvent happened,
        CancellationToken cancellationToken) =>
        await UsersAsync(db, happened.Actor.Role == ActorRole.Applicant ? [happened.Actor.UserId] : await MembersAsync(db, application, cancellationToken),
            cancellationToken);

    private static Task<List<Guid?>> MembersAsync(PortalDbContext db, Application application, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId)
            .SelectMany(o => o.Members.Select(m => (Guid?)m.UserId)).ToListAsync(cancellationToken);

    private static async Task<List<PortalUser>> UsersAsync(PortalDbContext db, IReadOnlyList<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.Email != null).ToListAsync(cancellationToken);
    }
}
