using System.Globalization;
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
        InLanguageOf(user, culture =>
        {
            var decisionDate = application.DecisionDueOn(scheme) is { } due ? ApplicationDisplay.Date(due, culture) : "";
            var body = text["Submission.Email.Submitted.Body", application.Reference!, ApplicationDisplay.Title(text, application, scheme.Slug),
                decisionDate, statusLink, help.Phone].Value;
            outbox.Enqueue(user.Email!, text["Submission.Email.Submitted.Subject", application.Reference!], Footed(body));
        });

    /// <summary>The one reminder for a draft untouched for 14 days, offering a coach.</summary>
    public void DraftReminder(PortalUser user, Application application, string schemeSlug, string continueLink, string helpLink) =>
        InLanguageOf(user, _ =>
        {
            var body = text["Submission.Email.Reminder.Body", ApplicationDisplay.Title(text, application, schemeSlug), continueLink,
                help.Phone, helpLink].Value;
            outbox.Enqueue(user.Email!, text["Submission.Email.Reminder.Subject"], Footed(body));
        });

    private string Footed(string body) => string.Join("\n\n", body, text["Email.Footer"].Value);

    private static void InLanguageOf(PortalUser user, Action<CultureInfo> write)
    {
        var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var culture = CultureInfo.GetCultureInfo(Domain.Languages.Languages.Get(user.PreferredLanguage).Code);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            write(culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }
}
