using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

public sealed class SignInLinks(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task Applicant_signs_in_with_an_emailed_link()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "farid");
        var page = await OpenBrowserAsync();

        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "sign-in");
        await signIn.AskForLink.ClickAsync();

        var request = new SignInLinkPage(page);
        await Expect(request.Heading).ToHaveTextAsync("Inloglink aanvragen");
        await SeeAsync(page, "sign-in-link");
        await request.RequestAsync(applicant.Email);
        await Expect(request.Heading).ToHaveTextAsync("Kijk in uw e-mail");
        await SeeAsync(page, "check-email");

        var mail = await Server.Mail.WaitForMailToAsync(applicant.Email);
        Assert.Equal("Uw inloglink", mail.Subject);
        var link = mail.FirstLink.ToString();

        await page.GotoAsync(link);
        var linkPage = new LinkPage(page);
        await Expect(linkPage.Heading).ToHaveTextAsync("Inloggen met uw link");
        await SeeAsync(page, "link");
        await linkPage.SignInAsync();
        await Expect(linkPage.Main).ToContainTextAsync("U bent ingelogd.");
        await SeeAsync(page, "home-signed-in");

        await linkPage.SignOutAsync();
        await Expect(linkPage.Main).ToContainTextAsync("U bent uitgelogd.");
        await SeeAsync(page, "signed-out");

        // The same link a second time: it has been used, so it signs nobody in.
        await page.GotoAsync(link);
        await SeeAsync(page, "link");
        await linkPage.SignInAsync();
        await Expect(linkPage.Heading).ToHaveTextAsync("Deze link werkt niet meer");
        await Expect(linkPage.SignInLink).ToBeVisibleAsync();
        await Expect(linkPage.SignOutButton).ToHaveCountAsync(0);
        await SeeAsync(page, "link-used");
    }
}
