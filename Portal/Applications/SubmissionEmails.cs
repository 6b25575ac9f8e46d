using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;

namespace Portal.Applications;

/// <summary>
/// The emails about an application, each in the recipient's preferred language, put in the outbox of the caller's
/// unit of work (so they are sent only when the change that causes them is saved). The confirmations and notices are
/// sent from domain events (Infrastructure/Events/ApplicationMail), never from a page.
/// </summary>
public sealed class SubmissionEmails(EmailOutbox outbox, PortalText text, HelpContactOptions help)
{
    /// <summary>"We received your application": the reference, the latest decision date and where to follow it.</summary>
    public void Submitted(PortalUser user, Application application, Scheme scheme, string statusLink, DateTimeOffset now) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
        {
            var decisionDate = application.DecisionDueOn(scheme, now) is { } due ? ApplicationDisplay.Date(due, culture) : "";
            return (text["Submission.Email.Submitted.Subject", application.Reference!],
                text["Submission.Email.Submitted.Body", application.Reference!, ApplicationDisplay.Title(text, application, scheme.Slug),
                    decisionDate, statusLink, help.Phone]);
        });

    /// <summary>"You have withdrawn your application": so a withdrawal by mistake (or by someone else) does not go unnoticed.</summary>
    public void Withdrawn(PortalUser user, Application application, Scheme scheme) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, _ =>
            (text["Submission.Email.Withdrawn.Subject", application.Reference!],
                text["Submission.Email.Withdrawn.Body", application.Reference!, ApplicationDisplay.Title(text, application, scheme.Slug), help.Phone]));

    /// <summary>The notice of an extended decision term (art. 4:14 Awb): the new date and why, in the staff member's words, quoted.</summary>
    public void Extended(PortalUser user, Application application, Scheme scheme, DateOnly newDate, string reason, string statusLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
            (text["Submission.Email.Extended.Subject", application.Reference!],
                text["Submission.Email.Extended.Body", application.Reference!, ApplicationDisplay.Title(text, application, scheme.Slug),
                    ApplicationDisplay.Date(newDate, culture), "> " + UserText.AsOneLine(reason), statusLink, help.Phone]));

    /// <summary>The receipt of a notice of default: when it came in, from which day the penalty runs, and how much it can be.</summary>
    public void DefaultNoticeReceived(PortalUser user, Application application, DateTimeOffset receivedAt, DateOnly penaltyFrom, string statusLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
            (text["Term.Email.DefaultReceived.Subject", application.Reference!],
                text["Term.Email.DefaultReceived.Body", application.Reference!, ApplicationDisplay.Date(NijmegenTime.DayOf(receivedAt), culture),
                    ApplicationDisplay.Date(penaltyFrom, culture), DefaultPenalty.DayRate(1).Text, DefaultPenalty.Maximum.Text, statusLink, help.Phone]));

    /// <summary>The one reminder for a draft untouched for 14 days, offering a coach.</summary>
    public void DraftReminder(PortalUser user, Application application, string schemeSlug, string continueLink, string helpLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, _ =>
            (text["Submission.Email.Reminder.Subject"],
                text["Submission.Email.Reminder.Body", ApplicationDisplay.Title(text, application, schemeSlug), continueLink, help.Phone, helpLink]));
}
