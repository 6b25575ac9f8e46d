using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Decisions;
using Portal.Domain.Events;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;
using Portal.Requests;

namespace Portal.Objections;

/// <summary>
/// The mail of objections and reopenings, put in the outbox of the same SaveChanges (called by the DomainEventRecorder):
/// the receipt of an objection (art. 6:14 Awb) to whoever sent it and every member of the group — it is the group's
/// objection — and, when a decision is reopened, the notice to the members and the coaches with access that the earlier
/// decision no longer stands and what happens next. Each in the recipient's language.
/// </summary>
internal static class ObjectionMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var mailing = events.Where(e => e is ObjectionLodged or DecisionReopened).Cast<ApplicationDomainEvent>().ToList();
        if (mailing.Count == 0) return;

        var clock = services.GetRequiredService<TimeProvider>();
        var text = services.GetRequiredService<PortalText>();
        var links = services.GetRequiredService<PublicLinks>();
        var outbox = new EmailOutbox(db, clock, text);
        foreach (var domainEvent in mailing)
        {
            var application = db.Applications.Local.SingleOrDefault(a => a.Id == domainEvent.ApplicationId)
                ?? await db.Applications.AsNoTracking().SingleAsync(a => a.Id == domainEvent.ApplicationId, cancellationToken);
            var members = await db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId)
                .SelectMany(o => o.Members.Select(m => m.UserId)).ToListAsync(cancellationToken);
            switch (domainEvent)
            {
                case ObjectionLodged lodged:
                    var objection = db.Set<Objection>().Local.Single(o => o.Id == lodged.ObjectionId);
                    var files = db.Set<Attachment>().Local.Count(a => a.ObjectionId == objection.Id);
                    var receipt = links.Page("/Applications/Objection/Received", new { id = application.Id });
                    foreach (var user in await UsersAsync(db, [.. members, .. lodged.Actor.UserId is { } by ? [by] : Array.Empty<Guid>()], cancellationToken))
                        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
                            (text["Objection.Email.Received.Subject", application.Reference!],
                                Join(text, text["Objection.Email.Received.Body", application.Reference!,
                                    ApplicationDisplay.Date(objection.ReceivedOn, culture), RequestEmails.Quote(objection.Text), files,
                                    Term(text, objection, culture), receipt])));
                    break;
                case DecisionReopened reopened:
                    var decision = db.Decisions.Local.Single(d => d.Id == reopened.DecisionId);
                    var coaches = await db.CoachGrants.AsNoTracking().Where(g => g.ApplicationId == application.Id && g.RevokedAt == null)
                        .Select(g => g.CoachId).ToListAsync(cancellationToken);
                    var status = links.Page("/Applications/Status", new { id = application.Id });
                    foreach (var user in await UsersAsync(db, [.. members, .. coaches], cancellationToken))
                        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
                            (text["Objection.Email.Reopened.Subject", application.Reference!],
                                Join(text, text["Objection.Email.Reopened.Body", application.Reference!,
                                    ApplicationDisplay.Date(decision.DecidedOn, culture), RequestEmails.Quote(decision.ReopenReason), status])));
                    break;
            }
        }
    }

    /// <summary>On time, or late with the last day named and what happens with a late objection (art. 6:11 Awb).</summary>
    private static string Term(IStringLocalizer text, Objection objection, System.Globalization.CultureInfo culture) =>
        text[objection.IsLate ? "Objection.Email.Received.Late" : "Objection.Email.Received.OnTime", ApplicationDisplay.Date(objection.LastDay, culture)];

    private static string Join(IStringLocalizer text, string body) => body + "\n\n" + text["Request.Email.NoReply"].Value;

    private static async Task<List<PortalUser>> UsersAsync(PortalDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.Email != null).ToListAsync(cancellationToken);
    }
}
