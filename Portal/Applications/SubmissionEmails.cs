using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Schemes;
using Portal.Infrastructure;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;

namespace Portal.Applications;

/// <summary>
/// The emails about an application, each in the recipient's preferred language, put in the outbox of the caller's
/// unit of work (so they are sent only when the change that causes them is saved).
/// </summary>
public sealed class SubmissionEmails(EmailOutbox outbox, PortalText text, HelpContactOptions help)
{
    /// <summary>"We received your application": the reference, the latest decision date and where to follow it.</summary>
    public void Submitted(PortalUser user, Application application, Scheme scheme, string statusLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
        {
            var decisionDate = application.DecisionDueOn(scheme) is { } due ? ApplicationDisplay.Date(due, culture) : "";
            return (text["Submission.Email.Submitted.Subject", application.Reference!],
                text["Submission.Email.Submitted.Body", application.Reference!, ApplicationDisplay.Title(text, application, scheme.Slug),
                    decisionDate, statusLink, help.Phone]);
        });

    /// <summary>The one reminder for a draft untouched for 14 days, offering a coach.</summary>
    public void DraftReminder(PortalUser user, Application application, string schemeSlug, string continueLink, string helpLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, _ =>
            (text["Submission.Email.Reminder.Subject"],
                text["Submission.Email.Reminder.Body", ApplicationDisplay.Title(text, application, schemeSlug), continueLink, help.Phone, helpLink]));
}
