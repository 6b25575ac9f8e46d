using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// The municipality is late: the applicant sees on the status page that the legal date has passed, sends a notice of
/// default (art. 4:17 Awb) and gets the receipt by email; the reviewer's term page shows the notice and the penalty that
/// runs from two weeks after it. Every page is looked at (axe, valid HTML).
/// </summary>
public sealed class DecisionTermJourney(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task An_applicant_whose_decision_is_late_sends_a_notice_of_default_and_the_reviewer_sees_the_penalty_run()
    {
        await Server.SeedSchemesAsync();
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var applicationId = await LateApplicationAsync(applicant.Email);
        var page = await OpenBrowserAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(applicant.Email, applicant.Password);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await SeeAsync(page, "signed-in");

        await page.GotoAsync($"/applications/{applicationId}/status");
        var status = new PortalPage(page);
        await Expect(status.Main).ToContainTextAsync("Die dag is voorbij.");
        await SeeAsync(page, "status-term-passed");
        await status.Main.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Term.Status.DefaultLink", "nl"), Exact = true }).ClickAsync();

        await Expect(status.Heading).ToHaveTextAsync(Texts.Get("Term.Default.Title", "nl"));
        await SeeAsync(page, "default-notice");
        await status.Main.GetByLabel(Texts.Get("Term.Default.StatementLabel", "nl")).FillAsync("Wij wachten al lang op het besluit.");
        await status.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Term.Default.Send", "nl"), Exact = true }).ClickAsync();

        await Expect(status.Main.Locator(".notice--success")).ToContainTextAsync("Wij hebben uw ingebrekestelling ontvangen op");
        await SeeAsync(page, "default-notice-received");
        // The first mail confirmed the submission ten weeks ago; the second is the receipt.
        await Server.Mail.WaitForMailToAsync(applicant.Email, count: 2);
        Assert.Contains(await Server.Mail.MailsToAsync(applicant.Email), m => m.Subject.StartsWith("Wij hebben uw ingebrekestelling ontvangen", StringComparison.Ordinal));
        await status.SignOutAsync();
        await Expect(status.SignInLink).ToBeVisibleAsync();
        await SeeAsync(page, "signed-out");

        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "reviewer", authenticatorKey: Totp.NewKey());
        await SignInAsAsync(page, reviewer);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await page.GotoAsync($"/review/applications/{applicationId}/term");
        // Nothing of the application opens before the reviewer declared no personal interest (art. 2:4 Awb).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hebt u een persoonlijk belang?" })).ToBeVisibleAsync();
        await SeeAsync(page, "review-declaration");
        await page.GetByLabel("Ik heb geen persoonlijk belang bij deze aanvraag").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verklaring opslaan" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van deze aanvraag" }).GetByRole(AriaRole.Link, new() { Name = "Termijn" }).ClickAsync();
        await Expect(status.Main).ToContainTextAsync("De dwangsom loopt vanaf");
        await Expect(status.Main).ToContainTextAsync("Wij wachten al lang op het besluit.");
        await SeeAsync(page, "review-term-default");
    }

    /// <summary>An application of the applicant's group, sent in ten weeks ago: its legal date (8 weeks) has passed.</summary>
    private async Task<Guid> LateApplicationAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        var by = Actor.Applicant(user.Id);
        var then = DateTimeOffset.UtcNow.AddDays(-70);
        var group = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, by, then);
        group.Describe(OrganisationKind.InformalGroup, "Moeders", "Zuid/Hatert", "Amina", "06 1234 5678", true, by, then);
        group.PayThroughHost("Stichting Buurtwerk", "Karin", "karin@buurtwerk.example", true, by, then);
        var application = new Application(group.Id, scheme.Id, "nl", by, then);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", DateOnly.FromDateTime(then.UtcDateTime).AddDays(60),
            null, "Posters", by, then);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), by, then);
        application.Submit(scheme, group, declarationAccepted: true, "NIJ-2026-00977", by, then);
        db.Organisations.Add(group);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }
}
