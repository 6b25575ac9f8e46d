using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// The mail about an application a coach sent in for someone who is not online, to whom the coach chose at submission:
/// the coach, the person (by email when chosen; otherwise the coach prints a letter), or both. Every one says plainly who
/// filled it in for whom, so nobody mistakes it for their own doing. Once the person has taken the group over, they are
/// a member and hear everything as members do (<see cref="ApplicationMail"/>).
/// Withdrawing is not among what the signed authorisation lets the coach do (fill in, send, pass messages on), so before a
/// takeover there is no withdrawal to confirm here: the person withdraws by calling the municipality.
/// </summary>
internal static class AssistedMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var mailing = events.Select(e => e switch
        {
            SubmittedOnBehalf submitted => (Event: e, submitted.ApplicationId),
            DecisionTermExtended extended => (Event: e, extended.ApplicationId),
            _ => default,
        }).Where(m => m.Event is not null).ToList();
        if (mailing.Count == 0) return;
        var mail = new Mailer(db, services);
        foreach (var (happened, applicationId) in mailing)
        {
            var application = db.Applications.Local.Single(a => a.Id == applicationId);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            switch (happened)
            {
                case SubmittedOnBehalf submitted:
                {
                    var assisted = db.Set<AssistedApplication>().Local.Single(a => a.ApplicationId == applicationId);
                    mail.Submitted(assisted, application, scheme,
                        await CoachAsync(db, submitted.UpdatesTo is UpdatesTo.Coach or UpdatesTo.Both, assisted.CoachId, cancellationToken),
                        submitted.OccurredAt);
                    break;
                }
                case DecisionTermExtended extended
                    when await db.Set<AssistedApplication>().AsNoTracking().SingleOrDefaultAsync(
                        a => a.ApplicationId == applicationId && a.SubmittedAt != null && a.TakenOverAt == null, cancellationToken) is { } assisted:
                    // The authorisation has the coach pass messages on: when the person's news goes by letter, it is the coach
                    // who prints it, so the coach hears of it even when the person was chosen as the only recipient.
                    mail.Extended(assisted, application, scheme, extended,
                        await CoachAsync(db, assisted.UpdatesTo is not UpdatesTo.Person || !assisted.PersonReadsEmail, assisted.CoachId, cancellationToken));
                    break;
            }
        }
    }

    private static async Task<PortalUser?> CoachAsync(PortalDbContext db, bool told, Guid coachId, CancellationToken cancellationToken) =>
        told ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == coachId && u.Email != null, cancellationToken) : null;

    private sealed class Mailer(PortalDbContext db, IServiceProvider services)
    {
        private readonly PortalText text = services.GetRequiredService<PortalText>();
        private readonly PublicLinks links = services.GetRequiredService<PublicLinks>();
        private readonly HelpContactOptions help = services.GetRequiredService<IOptions<HelpContactOptions>>().Value;
        private readonly EmailOutbox outbox = new(db, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<PortalText>());

        public void Submitted(AssistedApplication assisted, Application application, Scheme scheme, PortalUser? coach, DateTimeOffset now)
        {
            var reference = application.Reference!;
            var title = ApplicationDisplay.Title(text, application, scheme.Slug);
            string DueOn(System.Globalization.CultureInfo culture) =>
                application.DecisionDueOn(scheme, now) is { } due ? ApplicationDisplay.Date(due, culture) : "";
            if (coach is not null)
                outbox.Enqueue(coach.Email!, coach.PreferredLanguage, culture =>
                    (text["Assisted.Email.ToCoach.Subject", assisted.PersonName, reference],
                        text["Assisted.Email.ToCoach.Body", reference, title, assisted.PersonName, DueOn(culture), DetailsPage(application), help.Phone]));
            if (assisted.PersonReadsEmail)
                outbox.Enqueue(assisted.PersonEmail!, assisted.PersonLanguage, culture =>
                    (text["Assisted.Email.ToPerson.Subject", reference],
                        text["Assisted.Email.ToPerson.Body", reference, title, assisted.CoachName, DueOn(culture), help.Phone]));
        }

        /// <summary>The notice of an extended decision term (art. 4:14 Awb): the new date and why, in the staff member's words.</summary>
        public void Extended(AssistedApplication assisted, Application application, Scheme scheme, DecisionTermExtended extended, PortalUser? coach)
        {
            var reference = application.Reference!;
            var title = ApplicationDisplay.Title(text, application, scheme.Slug);
            var reason = "> " + UserText.AsOneLine(extended.Reason);
            if (coach is not null)
                outbox.Enqueue(coach.Email!, coach.PreferredLanguage, culture =>
                    (text["Assisted.Email.Extended.ToCoach.Subject", assisted.PersonName, reference],
                        text["Assisted.Email.Extended.ToCoach.Body", reference, title, assisted.PersonName, ApplicationDisplay.Date(extended.NewDate, culture),
                            reason, links.Page("/Coach/Assisted/Letter", new { id = application.Id }), help.Phone]));
            if (assisted.PersonReadsEmail)
                outbox.Enqueue(assisted.PersonEmail!, assisted.PersonLanguage, culture =>
                    (text["Assisted.Email.Extended.ToPerson.Subject", reference],
                        text["Assisted.Email.Extended.ToPerson.Body", reference, title, assisted.CoachName, ApplicationDisplay.Date(extended.NewDate, culture),
                            reason, help.Phone]));
        }

        private string DetailsPage(Application application) => links.Page("/Coach/Assisted/Details", new { id = application.Id });
    }
}
