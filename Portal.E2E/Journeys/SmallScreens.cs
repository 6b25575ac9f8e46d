using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>WCAG 1.4.10 Reflow: at 320 CSS pixels nothing may need horizontal scrolling, in either writing direction.</summary>
public sealed class SmallScreens(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Theory]
    [InlineData("nl")]
    [InlineData("ar")]
    public async Task Pages_fit_a_320px_screen_without_horizontal_scrolling(string language)
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "klein", language: language);
        var coachKey = Totp.NewKey();
        var coach = await Server.CreateAccountAsync(Roles.Coach, "coach", coachKey, language);
        var page = await OpenBrowserAsync(width: 320, height: 640);

        await page.GotoAsync("/");
        if (language == "ar")
        {
            await FitsAsync(page, "nl", "home");
            await new PortalPage(page).SwitchLanguageAsync("العربية");
        }
        await FitsAsync(page, language, "home");

        var signIn = new SignInPage(page, language);
        await signIn.GotoAsync();
        await FitsAsync(page, language, "sign-in");

        var register = new RegisterPage(page, language);
        await register.GotoAsync();
        await FitsAsync(page, language, "register");
        await register.RegisterAsync("", "kort");
        await Expect(register.ErrorSummary).ToBeVisibleAsync();
        await FitsAsync(page, language, "register-errors");

        await page.GotoAsync("/help");
        await FitsAsync(page, language, "help");

        // The two statements, reached as a visitor would: from the footer, without signing in (issue 8, 5.3).
        var footer = page.Locator("footer");
        await footer.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Privacy.Title", language), Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(Texts.Get("Privacy.Title", language));
        await FitsAsync(page, language, "privacy");
        await footer.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Accessibility.Title", language), Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(Texts.Get("Accessibility.Title", language));
        await FitsAsync(page, language, "accessibility");

        await signIn.GotoAsync();
        await FitsAsync(page, language, "sign-in");
        await signIn.SignInAsync(applicant.Email, applicant.Password);
        await Expect(signIn.SignOutButton).ToBeVisibleAsync();
        await FitsAsync(page, language, "home-signed-in");

        var profile = new ProfilePage(page, language);
        await profile.GotoAsync();
        await Expect(profile.LanguageForm).ToBeVisibleAsync();
        await FitsAsync(page, language, "profile");

        // Staff pages too: the code page and the workspace.
        await profile.SignOutAsync();
        await FitsAsync(page, language, "signed-out");
        await signIn.GotoAsync();
        await FitsAsync(page, language, "sign-in");
        await signIn.SignInAsync(coach.Email, coach.Password);
        var twoFactor = new TwoFactorPage(page, language);
        await Expect(twoFactor.Code).ToBeVisibleAsync();
        await FitsAsync(page, language, "two-factor");
        await twoFactor.SubmitAsync(Totp.FreshCode(coachKey));
        await Expect(twoFactor.Menu.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Nav.Staff", language) })).ToBeVisibleAsync();
        await page.GotoAsync("/staff");
        await Expect(twoFactor.Heading).ToHaveTextAsync(Texts.Get("Staff.Title", language));
        await FitsAsync(page, language, "staff");
    }

    private async Task FitsAsync(IPage page, string language, string name)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{name} ({language}) is {width}px wide at a 320px viewport: it scrolls sideways ({page.Url})");
        await SeeAsync(page, name);
    }
}
