using System.Globalization;
using Portal.Data;
using Portal.Domain.Email;
using Portal.Domain.Languages;
using Portal.Infrastructure.Localization;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Adds an email to the outbox in the caller's unit of work: it is stored by the caller's SaveChanges,
/// in the same transaction as the change that causes it, and sent later by <see cref="OutboxWorker"/>.
/// </summary>
public sealed class EmailOutbox(PortalDbContext db, TimeProvider clock, PortalText text)
{
    /// <summary>
    /// An email as plain text and as HTML in <paramref name="language"/> (lang and dir of the recipient's language;
    /// the default language when not given).
    /// </summary>
    public EmailMessage Enqueue(string to, string subject, string textBody, string? language = null)
    {
        var html = EmailHtml.Render(subject, textBody, Languages.Get(language));
        var message = new EmailMessage(to, subject, textBody, html, clock.GetUtcNow());
        db.EmailMessages.Add(message);
        return message;
    }

    /// <summary>
    /// An email in the recipient's language: <paramref name="write"/> reads its subject and body from the resources
    /// while that language is current (dates and amounts too), and every email ends with the same footer.
    /// </summary>
    public EmailMessage Enqueue(string to, string language, Func<CultureInfo, (string Subject, string Body)> write)
    {
        var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var culture = CultureInfo.GetCultureInfo(Languages.Get(language).Code);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            var (subject, body) = write(culture);
            return Enqueue(to, subject, string.Join("\n\n", body, text["Email.Footer"].Value), culture.Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }
}
