using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Events;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// The confirmation of an application a coach sent in for someone who is not online, to whom the coach chose: the coach,
/// the person (by email when chosen; otherwise the coach prints a letter), or both. Every one says plainly who filled it
/// in for whom, so nobody mistakes it for their own doing.
/// </summary>
internal static class AssistedMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var submitted = events.OfType<SubmittedOnBehalf>().ToList();
        if (submitted.Count == 0) return;
        var clock = services.GetRequiredService<TimeProvider>();
        var text = services.GetRequiredService<PortalText>();
        var links = services.GetRequiredService<PublicLinks>();
        var help = services.GetRequiredService<IOptions<HelpContactOptions>>().Value;
        var outbox = new EmailOutbox(db, clock, text);
        foreach (var happened in submitted)
        {
            var assisted = db.Set<AssistedApplication>().Local.Single(a => a.ApplicationId == happened.ApplicationId);
            var application = db.Applications.Local.Single(a => a.Id == happened.ApplicationId);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var reference = application.Reference!;
            string DueOn(System.Globalization.CultureInfo culture) =>
                application.DecisionDueOn(scheme, happened.OccurredAt) is { } due ? ApplicationDisplay.Date(due, culture) : "";

            if (happened.UpdatesTo is UpdatesTo.Coach or UpdatesTo.Both
                && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == assisted.CoachId, cancellationToken) is { Email: { } coachEmail } coach)
            {
                var page = links.Page("/Coach/Assisted/Details", new { id = application.Id });
                outbox.Enqueue(coachEmail, coach.PreferredLanguage, culture =>
                    (text["Assisted.Email.ToCoach.Subject", assisted.PersonName, reference],
                        text["Assisted.Email.ToCoach.Body", reference, ApplicationDisplay.Title(text, application, scheme.Slug), assisted.PersonName,
                            DueOn(culture), page, help.Phone]));
            }
            if (happened.UpdatesTo is UpdatesTo.Person or UpdatesTo.Both && happened.PersonChannel == PersonChannel.Email
                && assisted.PersonEmail is { } personEmail)
            {
                outbox.Enqueue(personEmail, assisted.PersonLanguage, culture =>
                    (text["Assisted.Email.ToPerson.Subject", reference],
                        text["Assisted.Email.ToPerson.Body", reference, ApplicationDisplay.Title(text, application, scheme.Slug), assisted.CoachName,
                            DueOn(culture), help.Phone]));
            }
        }
    }
}
