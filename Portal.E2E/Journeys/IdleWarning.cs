using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// The idle warning (WCAG 2.2.1 Timing Adjustable): 5 minutes before the session ends a signed-in page says so and
/// offers one button to stay signed in. The browser's clock is moved forward (Playwright's clock); the server's is not.
/// </summary>
public sealed class IdleWarning(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task Five_minutes_before_the_end_a_warning_offers_to_stay_signed_in()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "pauze");
        var page = await OpenBrowserAsync(320, 640);
        await page.Clock.InstallAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(applicant.Email, applicant.Password);
        await Expect(signIn.SignOutButton).ToBeVisibleAsync();
        await SeeAsync(page, "home-signed-in");

        var warning = page.Locator("[data-session-warning]");
        await page.Clock.FastForwardAsync("24:50");
        await Expect(warning).ToBeHiddenAsync();

        await page.Clock.FastForwardAsync("00:11");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("U hebt een tijdje niets gedaan. Over 5 minuten wordt u uitgelogd.");
        await Expect(page.Locator("#live-status")).ToContainTextAsync("Over 5 minuten wordt u uitgelogd.");
        await SeeAsync(page, "idle-warning", replayable: false);

        var keptAlive = page.WaitForResponseAsync(r => r.Url.EndsWith("/account/keep-alive", StringComparison.Ordinal));
        await warning.GetByRole(AriaRole.Button, new() { Name = "Ingelogd blijven", Exact = true }).ClickAsync();
        Assert.Equal(204, (await keptAlive).Status);
        await Expect(warning).ToContainTextAsync("U blijft ingelogd.");
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("U blijft ingelogd.");
        await page.Clock.FastForwardAsync("00:06");
        await Expect(warning).ToBeHiddenAsync();

        // Nothing done for the next 30 minutes: the page says the session has ended and links to sign-in, back here.
        await page.Clock.FastForwardAsync("30:01");
        await Expect(warning).ToContainTextAsync("U bent uitgelogd, omdat u lang niets deed.");
        await SeeAsync(page, "idle-ended", replayable: false);
        await warning.GetByRole(AriaRole.Link, new() { Name = "Opnieuw inloggen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2F$"));
    }
}
