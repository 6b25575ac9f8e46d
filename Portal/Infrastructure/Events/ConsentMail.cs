using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Events;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// A coach the members let in hears it by mail, in the coach's language, with the link to the application: otherwise the
/// consent would wait unseen until the group phones. Put in the outbox of the same SaveChanges as the grant.
/// </summary>
internal static class ConsentMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var granted = events.OfType<CoachAccessGranted>().ToList();
        if (granted.Count == 0) return;
        var text = services.GetRequiredService<PortalText>();
        var links = services.GetRequiredService<PublicLinks>();
        var outbox = new EmailOutbox(db, services.GetRequiredService<TimeProvider>(), text);
        foreach (var grant in granted)
        {
            var coach = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == grant.CoachId, cancellationToken);
            var byEmail = await db.Users.AsNoTracking().Where(u => u.Id == grant.Actor.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            var about = await (from a in db.Applications.AsNoTracking()
                               where a.Id == grant.ApplicationId
                               join s in db.Schemes on a.SchemeId equals s.Id
                               join o in db.Organisations on a.OrganisationId equals o.Id
                               select new { Application = a, s.Slug, o.Name }).SingleOrDefaultAsync(cancellationToken);
            if (coach?.Email is null || about is null) continue;
            var link = links.Page("/Applications/TaskList", new { id = grant.ApplicationId });
            outbox.Enqueue(coach.Email, coach.PreferredLanguage, _ =>
                (text["Consent.Email.Granted.Subject"],
                    text["Consent.Email.Granted.Body", byEmail ?? "", ApplicationDisplay.Title(text, about.Application, about.Slug), about.Name,
                        text["Consent.Kind." + grant.Kind], link]));
        }
    }
}
