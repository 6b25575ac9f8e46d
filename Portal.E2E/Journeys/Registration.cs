using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

public sealed class Registration(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private const string NewPassword = "Zonnebloemen-langs-de-Waal";

    [Fact]
    public async Task Newcomer_registers_confirms_signs_in_switches_to_arabic_and_signs_out()
    {
        var page = await OpenBrowserAsync();
        var email = PortalServer.NewEmail("amina");

        var home = new HomePage(page);
        await home.GotoAsync();
        await Expect(home.Heading).ToHaveTextAsync("Geld voor uw activiteit in de buurt");
        await SeeAsync(page, "home");
        await Expect(home.CreateAccount).ToHaveTextAsync("Account maken");
        await home.CreateAccount.ClickAsync();

        await RegisterConfirmAndSignInAsync(page, email);

        await home.SwitchLanguageAsync("العربية");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(home.Heading).ToHaveTextAsync("تمويل لنشاطكم في الحي");
        await Expect(home.Main).ToContainTextAsync("لقد سجّلتم الدخول.");
        await SeeAsync(page, "home-signed-in");

        var arabic = new PortalPage(page, "ar");
        await Expect(arabic.SignOutButton).ToHaveTextAsync("تسجيل الخروج");
        await arabic.SignOutAsync();
        await Expect(arabic.Main).ToContainTextAsync("لقد سجّلتم الخروج.");
        await Expect(arabic.SignInLink).ToBeVisibleAsync();
        await Expect(arabic.SignOutButton).ToHaveCountAsync(0);
        // The chosen language outlives the session.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await SeeAsync(page, "signed-out");
    }

    [Fact]
    public async Task Register_works_with_javascript_disabled()
    {
        var page = await OpenBrowserAsync(javaScript: false);
        var email = PortalServer.NewEmail("joost");
        var register = new RegisterPage(page);
        await register.GotoAsync();
        await SeeAsync(page, "register");

        // Nothing filled in properly: the server answers with an error summary that links to the field.
        await register.RegisterAsync("", "kort");
        await Expect(register.ErrorSummary).ToContainTextAsync("Er gaat iets mis");
        await Expect(register.ErrorSummary.GetByRole(AriaRole.Link, new() { Name = "Vul uw e-mailadres in." })).ToHaveAttributeAsync("href", "#Input_Email");
        await Expect(register.Email).ToHaveAttributeAsync("aria-invalid", "true");
        await SeeAsync(page, "register-errors");

        // A password that is too short: refused, and the email address is still there to correct the rest.
        await register.RegisterAsync(email, "kort");
        await Expect(register.ErrorSummary).ToContainTextAsync("Uw wachtwoord is te kort. Gebruik minstens 12 tekens.");
        await Expect(register.Email).ToHaveValueAsync(email);
        await Expect(register.Password).ToHaveValueAsync("");
        await Expect(register.Password).ToHaveAttributeAsync("aria-invalid", "true");
        await SeeAsync(page, "register-password-too-short");

        await RegisterConfirmAndSignInAsync(page, email);
    }

    /// <summary>From the register page: register, read the confirmation mail, open its link, confirm with the password. Ends on the home page, signed in.</summary>
    private async Task RegisterConfirmAndSignInAsync(IPage page, string email)
    {
        var register = new RegisterPage(page);
        await Expect(register.Heading).ToHaveTextAsync("Account maken");
        await SeeAsync(page, "register");
        await register.RegisterAsync(email, NewPassword);

        await Expect(register.Heading).ToHaveTextAsync("Kijk in uw e-mail");
        await SeeAsync(page, "check-email");

        // The outbox worker sends it over real SMTP a moment later.
        var mail = await Server.Mail.WaitForMailToAsync(email);
        Assert.Equal("Bevestig uw e-mailadres", mail.Subject);
        Assert.Equal(Server.BaseUrl.Authority, mail.FirstLink.Authority);
        await page.GotoAsync(mail.FirstLink.ToString());
        var confirm = new ConfirmEmailPage(page);
        await Expect(confirm.Heading).ToHaveTextAsync("Bevestig uw e-mailadres");
        await SeeAsync(page, "confirm-email");

        // A wrong password first: refused plainly, nothing confirmed.
        await confirm.ConfirmAsync("niet het goede wachtwoord");
        await Expect(confirm.ErrorSummary).ToContainTextAsync("Dit wachtwoord klopt niet");
        await SeeAsync(page, "confirm-email-wrong-password");

        await confirm.ConfirmAsync(NewPassword);
        await Expect(confirm.Main).ToContainTextAsync("U bent ingelogd.");
        await Expect(confirm.SignOutButton).ToBeVisibleAsync();
        await SeeAsync(page, "home-signed-in");
    }
}
