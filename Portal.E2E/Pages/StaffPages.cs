using Microsoft.Playwright;

namespace Portal.E2E.Pages;

public sealed class StaffPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator FailedMailLink => Link("Staff.Mail.Title");
}

/// <summary>/staff/mail: one card per message the outbox could not deliver, each with "send again".</summary>
public sealed class FailedMailPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    /// <summary>The notice of what "send again" did (the session warning is a notice too, hidden).</summary>
    public ILocator Notice => Main.Locator(".notice[data-focus-on-load]");

    /// <summary>The card of the message with this subject (its heading).</summary>
    public ILocator Message(string subject) =>
        Main.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = subject, Exact = true }) });

    public Task SendAgainAsync(string subject) =>
        Message(subject).GetByRole(AriaRole.Button, new() { Name = T("Staff.Mail.SendAgain") }).ClickAsync();
}
