using Portal.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Accounts;

/// <summary>The account emails, written in the recipient's preferred language and put in the outbox.</summary>
public sealed class AccountEmails(EmailOutbox outbox, PortalText text)
{
    public void ConfirmEmail(PortalUser user, string link) => Send(user, "Email.Confirm", link);
    public void AlreadyRegistered(PortalUser user, string signInLink) => Send(user, "Email.AlreadyRegistered", signInLink);
    public void SignInLink(PortalUser user, string link) => Send(user, "Email.SignInLink", link);
    public void ResetPassword(PortalUser user, string link) => Send(user, "Email.ResetPassword", link);

    /// <summary>Subject and body come from resources "{key}.Subject" and "{key}.Body"; the body has {0} for the link.</summary>
    private void Send(PortalUser user, string key, string link) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, _ => (text[$"{key}.Subject"], text[$"{key}.Body", link]));
}
