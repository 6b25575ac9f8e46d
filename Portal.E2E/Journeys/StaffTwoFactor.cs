using System.Text.RegularExpressions;
using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

public sealed partial class StaffTwoFactor(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private const string WrongCodeMessage = "Deze code klopt niet. Vul de nieuwste code uit de app in.";

    [Fact]
    public async Task Staff_member_enrols_two_factor_before_the_staff_page_opens_and_then_signs_in_with_a_code()
    {
        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "reviewer");
        var page = await OpenBrowserAsync();

        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(reviewer.Email, reviewer.Password);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await SeeAsync(page, "home-signed-in");

        // The staff page does not open yet: first the authenticator app.
        await signIn.Menu.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Werkplek", Exact = true }).ClickAsync();
        var setup = new TwoFactorSetupPage(page);
        await Expect(page).ToHaveURLAsync(SetupForStaffUrl());
        await Expect(setup.Heading).ToHaveTextAsync("Inloggen met een code instellen");
        await Expect(setup.QrCode).ToBeVisibleAsync();
        Assert.True(await setup.QrCode.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load");
        var key = await setup.ReadKeyAsync();
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        await SeeAsync(page, "two-factor-setup");

        await setup.SubmitAsync(Totp.WrongCode(key));
        await Expect(setup.ErrorSummary).ToContainTextAsync(WrongCodeMessage);
        await Expect(setup.Heading).ToHaveTextAsync("Inloggen met een code instellen");
        Assert.Equal(key, await setup.ReadKeyAsync());
        await SeeAsync(page, "two-factor-setup-wrong-code");

        await setup.SubmitAsync(Totp.FreshCode(key));
        var recovery = new RecoveryCodesPage(page);
        await Expect(recovery.Heading).ToHaveTextAsync("Uw herstelcodes");
        await Expect(recovery.Codes).ToHaveCountAsync(10);
        foreach (var code in await recovery.Codes.AllInnerTextsAsync())
            Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", code.Trim());
        // Shown once (TempData): opening the URL again would not show these codes.
        await SeeAsync(page, "recovery-codes", replayable: false);
        await recovery.ContinueAsync();

        await Expect(page).ToHaveURLAsync(StaffUrl());
        await Expect(recovery.Heading).ToHaveTextAsync("Werkplek");
        await Expect(recovery.Main).ToContainTextAsync("Beoordelaar");
        await SeeAsync(page, "staff");

        await recovery.SignOutAsync();
        await Expect(recovery.Main).ToContainTextAsync("U bent uitgelogd.");
        await SeeAsync(page, "signed-out");

        // Next time: password, then a code, then the staff page.
        await page.GotoAsync("/staff");
        await Expect(signIn.Heading).ToHaveTextAsync("Inloggen");
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(reviewer.Email, reviewer.Password);

        var twoFactor = new TwoFactorPage(page);
        await Expect(twoFactor.Heading).ToHaveTextAsync("Vul uw code in");
        await SeeAsync(page, "two-factor");
        await twoFactor.SubmitAsync(Totp.WrongCode(key));
        await Expect(twoFactor.ErrorSummary).ToContainTextAsync(WrongCodeMessage);
        await Expect(twoFactor.Heading).ToHaveTextAsync("Vul uw code in");
        await Expect(twoFactor.Code).ToHaveAttributeAsync("aria-invalid", "true");
        await SeeAsync(page, "two-factor-wrong-code");

        await twoFactor.SubmitAsync(Totp.FreshCode(key));
        await Expect(page).ToHaveURLAsync(StaffUrl());
        await Expect(twoFactor.Heading).ToHaveTextAsync("Werkplek");
        await SeeAsync(page, "staff");
    }

    [GeneratedRegex(@"/account/two-factor/setup\?returnUrl=%2Fstaff$", RegexOptions.IgnoreCase)]
    private static partial Regex SetupForStaffUrl();

    [GeneratedRegex("/staff$")]
    private static partial Regex StaffUrl();
}
