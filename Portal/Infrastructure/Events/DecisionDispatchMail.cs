using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Applications;
using Portal.Data;
using Portal.Dispatch;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Audit;
using Portal.Domain.Decisions;
using Portal.Domain.Events;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// How a decision that was just taken goes out (Wmebv), in the same SaveChanges as the decision: an email to each person it
/// is for who said decisions may reach them by email, or — when there is nobody — a letter to post, as a task for staff
/// (<see cref="DecisionDispatch"/>). The people it is for are the group's members; for an application a coach sent in for
/// someone who is not online (and who did not take the group over yet), those chosen at submission: the person when they
/// chose email, the coach when the coach hears back and agreed to email. The decision counts as sent only when the mail
/// server accepts an email (<see cref="DispatchFollower"/>), or when staff post the letter.
/// </summary>
internal static class DecisionDispatchMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var taken = events.OfType<DecisionTaken>().ToList();
        if (taken.Count == 0) return;
        var text = services.GetRequiredService<PortalText>();
        var clock = services.GetRequiredService<TimeProvider>();
        var notice = new DecisionNotice(new EmailOutbox(db, clock, text), text, services.GetRequiredService<PublicUrl>(),
            services.GetRequiredService<IOptions<HelpContactOptions>>().Value);
        foreach (var happened in taken)
        {
            var decision = db.Decisions.Local.Single(d => d.Id == happened.DecisionId);
            var application = db.Applications.Local.SingleOrDefault(a => a.Id == happened.ApplicationId)
                ?? await db.Applications.AsNoTracking().SingleAsync(a => a.Id == happened.ApplicationId, cancellationToken);
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var sent = new List<Guid>();
            foreach (var recipient in await RecipientsAsync(db, application, cancellationToken))
                sent.Add(notice.Enqueue(recipient, decision, application, scheme, happened.OccurredAt).Id);
            var dispatch = sent.Count > 0 ? DecisionDispatch.ByEmail(decision, sent, happened.OccurredAt) : DecisionDispatch.ByPost(decision, happened.OccurredAt);
            db.DecisionDispatches.Add(dispatch);
            // The events of this SaveChanges were taken before the dispatch existed: its own (a post task) are recorded here.
            foreach (var own in dispatch.DomainEvents) db.AuditEvents.Add(AuditEvent.For(own, ipAddress: null, userAgent: null));
            dispatch.ClearDomainEvents();
        }
    }

    /// <summary>The people the decision is for who said it may reach them by email (each once, with an address).</summary>
    public static async Task<List<DecisionNotice.Recipient>> RecipientsAsync(PortalDbContext db, Application application,
        CancellationToken cancellationToken)
    {
        var assisted = await db.Set<AssistedApplication>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.ApplicationId == application.Id && a.SubmittedAt != null && a.TakenOverAt == null, cancellationToken);
        List<Guid> userIds;
        var recipients = new List<DecisionNotice.Recipient>();
        if (assisted is not null)
        {
            // The coach recorded the person's choice at submission ("by email", with the address): that is their consent.
            if (assisted.PersonReadsEmail)
                recipients.Add(new(assisted.PersonEmail!, assisted.PersonLanguage, HasAccount: false, assisted.CoachName));
            userIds = assisted.UpdatesTo is UpdatesTo.Coach or UpdatesTo.Both ? [assisted.CoachId] : [];
        }
        else
        {
            userIds = await db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId)
                .SelectMany(o => o.Members.Select(m => m.UserId)).ToListAsync(cancellationToken);
        }
        var consents = await ElectronicContact.CurrentForAsync(db, userIds, cancellationToken);
        var agreed = consents.Where(c => c.Value).Select(c => c.Key).ToList();
        var users = await db.Users.AsNoTracking().Where(u => agreed.Contains(u.Id) && u.Email != null && u.EmailConfirmed)
            .OrderBy(u => u.Email).ToListAsync(cancellationToken);
        recipients.AddRange(users.Select(u => new DecisionNotice.Recipient(u.Email!, u.PreferredLanguage, HasAccount: true, CoachName: null)));
        return [.. recipients.DistinctBy(r => r.Email.ToUpperInvariant())];
    }
}

/// <summary>
/// The email that makes a decision known: what the message is (a decision on the application), its legal effect (it counts
/// from now; this email is how it is sent), what the person may do and by when (object until the last day, written out), and
/// where to read it in the portal. In the recipient's language with the Dutch text below it (the Dutch one counts).
/// </summary>
public sealed class DecisionNotice(EmailOutbox outbox, PortalText text, PublicUrl publicUrl, HelpContactOptions help)
{
    /// <summary>Someone a decision goes to by email; <paramref name="CoachName"/> for a person a coach helps (no account).</summary>
    public sealed record Recipient(string Email, string Language, bool HasAccount, string? CoachName);

    public Domain.Email.EmailMessage Enqueue(Recipient recipient, Decision decision, Application application, Scheme scheme, DateTimeOffset now)
    {
        // The last day as if sent today: the outbox sends within seconds. Should the mail server accept it only on a later
        // day, the recorded last day (from that day) is later than this one: nobody is ever told a day later than the law gives.
        var lastDay = Decision.LastDayToObject(NijmegenTime.DayOf(now), AtwCalendar.Netherlands);
        var link = publicUrl.For($"/applications/{application.Id}/decision");
        return outbox.Enqueue(recipient.Email, recipient.Language, culture =>
        {
            var own = Body(recipient, decision, application, scheme, lastDay, link, culture);
            if (culture.TwoLetterISOLanguageName == Domain.Languages.Languages.Default)
                return (text["Dispatch.Email.Subject", application.Reference!], own);
            var dutch = InDutch(() => Body(recipient, decision, application, scheme, lastDay, link, CultureInfo.CurrentCulture));
            return (text["Dispatch.Email.Subject", application.Reference!],
                string.Join("\n\n", own, text["Dispatch.Email.DutchBelow"], "---", dutch));
        });
    }

    private string Body(Recipient recipient, Decision decision, Application application, Scheme scheme, DateOnly lastDay, string link,
        CultureInfo culture)
    {
        var outcome = decision.Amount is { } amount && decision.IsGrant
            ? text["Dispatch.Email.Outcome.Grant", amount.Format()]
            : text[decision.Kind == DecisionKind.NotProcessed ? "Dispatch.Email.Outcome.NotProcessed" : "Dispatch.Email.Outcome.Refusal"];
        var read = recipient.HasAccount ? text["Dispatch.Email.Read", link] : text["Dispatch.Email.ReadWithCoach", recipient.CoachName ?? ""];
        var change = recipient.HasAccount ? text["Dispatch.Email.Change", publicUrl.For("/account/profile")] : text["Dispatch.Email.ChangeByPhone", help.Phone];
        return text["Dispatch.Email.Body", application.Reference!, ApplicationDisplay.Title(text, application, scheme.Slug), outcome,
            ApplicationDisplay.Date(lastDay, culture), read, change, help.Phone].Value;
    }

    private static string InDutch(Func<string> write)
    {
        var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(Domain.Languages.Languages.Default);
        try { return write(); }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }
}
