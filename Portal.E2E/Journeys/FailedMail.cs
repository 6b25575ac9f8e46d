using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Email;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>Issue 7, point 6: mail the outbox gave up on is shown to admins, who can send it again.</summary>
public sealed partial class FailedMail(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private const string Subject = "Uw aanvraag is binnen";

    [Fact]
    public async Task Admin_finds_mail_that_did_not_arrive_on_the_staff_page_and_sends_it_again()
    {
        var key = Totp.NewKey();
        var admin = await Server.CreateAccountAsync(Roles.Admin, "beheerder", key);
        var recipient = PortalServer.NewEmail("yusuf");
        await GiveUpOnMailAsync(recipient);
        var page = await OpenBrowserAsync();

        await page.GotoAsync("/staff");
        var signIn = new SignInPage(page);
        await Expect(signIn.Heading).ToHaveTextAsync("Inloggen");
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(admin.Email, admin.Password);
        var twoFactor = new TwoFactorPage(page);
        await Expect(twoFactor.Heading).ToHaveTextAsync("Vul uw code in");
        await SeeAsync(page, "two-factor");
        await twoFactor.SubmitAsync(Totp.FreshCode(key));

        var staff = new StaffPage(page);
        await Expect(page).ToHaveURLAsync(StaffUrl());
        await SeeAsync(page, "staff-admin");
        await staff.FailedMailLink.ClickAsync();

        var failedMail = new FailedMailPage(page);
        await Expect(failedMail.Heading).ToHaveTextAsync("E-mail die niet aankwam");
        await Expect(failedMail.Message(Subject)).ToContainTextAsync(recipient);
        await Expect(failedMail.Message(Subject)).ToContainTextAsync("550 Mailbox unavailable");
        await SeeAsync(page, "failed-mail");

        await failedMail.SendAgainAsync(Subject);
        await Expect(failedMail.Notice).ToContainTextAsync("De e-mail gaat zo opnieuw weg.");
        await SeeAsync(page, "failed-mail-sent-again");
        var mail = await Server.Mail.WaitForMailToAsync(recipient);
        Assert.Equal(Subject, mail.Subject);
    }

    /// <summary>A message as the outbox leaves it after its last attempt failed.</summary>
    private async Task GiveUpOnMailAsync(string recipient)
    {
        var now = DateTimeOffset.UtcNow;
        var message = new EmailMessage(recipient, Subject, "Beste Yusuf, uw aanvraag is binnen.", null, now);
        for (var attempt = 0; attempt < EmailMessage.MaxAttempts; attempt++)
        {
            message.Lease(message.NextAttemptAt, message.NextAttemptAt.AddMinutes(5));
            message.MarkFailed("550 Mailbox unavailable", message.NextAttemptAt);
        }
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.EmailMessages.Add(message);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("/staff$")]
    private static partial Regex StaffUrl();
}
