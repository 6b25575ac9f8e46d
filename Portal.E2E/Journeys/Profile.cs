using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

public sealed partial class Profile(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task Profile_language_is_saved_with_htmx_and_announced()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "lotte");
        var page = await OpenBrowserAsync();
        await SignInAsync(page, applicant);

        var profile = new ProfilePage(page);
        await profile.GotoAsync();
        await Expect(profile.Heading).ToHaveTextAsync("Mijn gegevens");
        await Expect(profile.LanguageOption("Nederlands")).ToBeCheckedAsync();
        await SeeAsync(page, "profile");

        // Saving without a change: htmx swaps just the form. The notice is inside it, gets focus, and the live region says it.
        await SaveWithHtmxAsync(page, profile);
        var notice = profile.LanguageForm.GetByText("Uw taal is opgeslagen.");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(profile.LiveStatus).ToHaveTextAsync("Uw taal is opgeslagen.");
        await Expect(page.Locator(":focus")).ToContainTextAsync("Uw taal is opgeslagen.");
        await Expect(page).ToHaveURLAsync(ProfileUrl());
        await SeeAsync(page, "profile-language-saved", replayable: false);

        // Choosing English: the whole page must change language, so htmx is told to load it again (HX-Redirect).
        await profile.LanguageOption("English").CheckAsync();
        await SaveWithHtmxAsync(page, profile);
        var english = new ProfilePage(page, "en");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(english.Heading).ToHaveTextAsync("My details");
        await Expect(english.LanguageForm.GetByText("Your language has been saved.")).ToBeVisibleAsync();
        await Expect(english.LanguageOption("English")).ToBeCheckedAsync();
        await SeeAsync(page, "profile-language-saved");

        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(english.Heading).ToHaveTextAsync("My details");
        await SeeAsync(page, "profile-language-saved");

        // Kept in the profile, not only in this browser: signing in elsewhere opens in English.
        var elsewhere = await OpenBrowserAsync();
        await SignInAsync(elsewhere, applicant, "en");
        await Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(new PortalPage(elsewhere, "en").Main).ToContainTextAsync("You are signed in.");
    }

    [Fact]
    public async Task Someone_signed_in_on_two_devices_sees_both_and_signs_the_other_out()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "twee-apparaten");
        var phone = await OpenBrowserAsync(320, 640);
        await SignInAsync(phone, applicant);
        var laptop = await OpenBrowserAsync();
        await SignInAsync(laptop, applicant);

        var profile = new ProfilePage(laptop);
        await profile.GotoAsync();
        await Expect(profile.Sessions).ToHaveCountAsync(2);
        await Expect(profile.Sessions.Filter(new() { HasText = "Dit apparaat" })).ToHaveCountAsync(1);
        await SeeAsync(laptop, "profile-sessions");

        await profile.SignOutEverywhereElseAsync();
        await Expect(profile.Main).ToContainTextAsync("U bent overal anders uitgelogd.");
        await Expect(profile.Sessions).ToHaveCountAsync(1);
        await SeeAsync(laptop, "profile-sessions-ended-others", replayable: false);

        // The phone's next page finds its session ended: it is signed out.
        await phone.GotoAsync("/account/profile");
        await Expect(new SignInPage(phone).Heading).ToHaveTextAsync("Inloggen");
        await SeeAsync(phone, "sign-in");
    }

    /// <param name="language">The language of the profile, which the site switches to on signing in.</param>
    private async Task SignInAsync(IPage page, TestAccount account, string language = "nl")
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(account.Email, account.Password);
        await Expect(new PortalPage(page, language).SignOutButton).ToBeVisibleAsync();
        await SeeAsync(page, "home-signed-in");
    }

    private static async Task SaveWithHtmxAsync(IPage page, ProfilePage profile)
    {
        var post = await page.RunAndWaitForRequestFinishedAsync(profile.SaveAsync,
            new() { Predicate = r => r.Method == "POST" && r.Url.EndsWith("/account/profile", StringComparison.Ordinal) });
        Assert.Equal("true", (await post.AllHeadersAsync()).GetValueOrDefault("hx-request"));
    }

    [GeneratedRegex("/account/profile$")]
    private static partial Regex ProfileUrl();
}
