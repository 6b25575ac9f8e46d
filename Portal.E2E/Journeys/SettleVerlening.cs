using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Portal.Review;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 12, point 6: a verleend grant whose activity has ended. The group finds the question on its status page, reports
/// in a few plain answers with a photo (consent to share asked), and a reviewer reads the report on the vaststelling task
/// list and settles the grant — lower only with a ground of art. 4:46(2) Awb and a reason. Every page and state is looked
/// at (axe, valid HTML; with PORTAL_SCREENSHOTS=1 in Dutch and Arabic, desktop to 320 px), the report form also at 320 px.
/// </summary>
public sealed class SettleVerlening(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    [Fact]
    public async Task A_group_reports_on_its_ended_activity_with_a_photo_and_a_reviewer_settles_the_grant()
    {
        await Server.SeedSchemesAsync();
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var applicationId = await VerleendAsync(applicant.Email);
        var page = await OpenBrowserAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "settle-sign-in");
        await signIn.SignInAsync(applicant.Email, applicant.Password);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await SeeAsync(page, "settle-signed-in");

        await page.GotoAsync($"/applications/{applicationId}/status");
        var status = new PortalPage(page);
        await Expect(status.Main).ToContainTextAsync("Uw activiteit is voorbij.");
        await SeeAsync(page, "settle-status-ask");
        await status.Main.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Report.Status.Link", "nl"), Exact = true }).ClickAsync();
        await Expect(status.Heading).ToHaveTextAsync(Texts.Get("Report.Title", "nl"));
        await SeeAsync(page, "report-form");

        // At 320 px the form fits without sideways scrolling, in Dutch and in Arabic.
        await page.SetViewportSizeAsync(320, 640);
        await FitsAsync(page, "report-form-320");
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dar%7Cuic%3Dar", Url = Server.BaseUrl.ToString() }]);
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await FitsAsync(page, "report-form-320-ar");
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = ".AspNetCore.Culture" });
        await page.ReloadAsync();
        await page.SetViewportSizeAsync(BrowserFixture.DesktopWidth, BrowserFixture.DesktopHeight);

        // Nothing answered: every question says what is missing, once.
        await status.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Report.Submit", "nl"), Exact = true }).ClickAsync();
        await Expect(status.ErrorSummary).ToContainTextAsync(Texts.Get("Report.Happened.Required", "nl"));
        await Expect(status.ErrorSummary).ToContainTextAsync(Texts.Get("Report.WentWell.Required", "nl"));
        await Expect(status.ErrorSummary).ToContainTextAsync(Texts.Get("Report.Cost.Required", "nl"));
        await SeeAsync(page, "report-errors");

        const string wentWell = "جاءت أمهات كثيرات 🎉 We kookten samen en de kinderen speelden.";
        await status.Main.GetByLabel("Ja", new() { Exact = true }).CheckAsync();
        await status.Main.GetByLabel(Texts.Get("Report.People.Label", "nl")).FillAsync("25");
        await status.Main.GetByLabel(Texts.Get("Report.WentWell.Label", "nl")).FillAsync(wentWell);
        await status.Main.GetByLabel(Texts.Get("Report.Photo.Label", "nl"), new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "kookavond.png", MimeType = "image/png", Buffer = Png });
        await status.Main.GetByLabel(Texts.Get("Report.Share.Yes", "nl"), new() { Exact = true }).CheckAsync();
        await status.Main.GetByLabel(Texts.Get("Report.Cost.Same", "nl"), new() { Exact = true }).CheckAsync();
        await status.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Report.Submit", "nl"), Exact = true }).ClickAsync();

        await Expect(status.Main.Locator(".notice--success")).ToContainTextAsync(Texts.Get("Report.Status.Thanks", "nl"));
        await SeeAsync(page, "report-sent");
        await status.Main.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Report.Status.Read", "nl"), Exact = true }).ClickAsync();
        await Expect(status.Main).ToContainTextAsync(wentWell);
        await SeeAsync(page, "report-read");
        await status.SignOutAsync();
        await Expect(status.SignInLink).ToBeVisibleAsync();
        await SeeAsync(page, "settle-signed-out");

        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "reviewer", authenticatorKey: Totp.NewKey());
        await SignInAsAsync(page, reviewer);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await page.GotoAsync("/review");
        await SeeAsync(page, "settle-inbox");
        await status.Main.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Settle.List.Title", "nl"), Exact = true }).ClickAsync();
        await Expect(status.Heading).ToHaveTextAsync(Texts.Get("Settle.List.Title", "nl"));
        await SeeAsync(page, "vaststellingen");
        await status.Main.GetByRole(AriaRole.Link, new() { Name = Reference, Exact = true }).ClickAsync();
        // Nothing of the application opens before the reviewer declared no personal interest (art. 2:4 Awb).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hebt u een persoonlijk belang?" })).ToBeVisibleAsync();
        await SeeAsync(page, "settle-declaration");
        await page.GetByLabel("Ik heb geen persoonlijk belang bij deze aanvraag").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verklaring opslaan" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van deze aanvraag" })
            .GetByRole(AriaRole.Link, new() { Name = Texts.Get("Settle.Nav", "nl"), Exact = true }).ClickAsync();
        await Expect(status.Heading).ToHaveTextAsync(Texts.Get("Settle.Title", "nl"));
        await Expect(status.Main).ToContainTextAsync(wentWell);
        await Expect(status.Main.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Settle.Report.Photo", "nl") })).ToBeVisibleAsync();
        await SeeAsync(page, "vaststelling-form");

        // Lower without a ground of the law: refused, the amount kept.
        var amount = status.Main.GetByLabel(Texts.Get("Settle.Amount.Label", "nl"), new() { Exact = true });
        await amount.FillAsync("500");
        await status.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Settle.Submit", "nl"), Exact = true }).ClickAsync();
        await Expect(status.ErrorSummary).ToContainTextAsync(Texts.Get("Vaststelling.Ground.Required", "nl"));
        await Expect(amount).ToHaveValueAsync("500");
        await SeeAsync(page, "vaststelling-errors");
        await status.Main.GetByLabel(Texts.Get("Settle.Ground.NotTookPlace", "nl"), new() { Exact = true }).CheckAsync();
        await status.Main.GetByLabel(Texts.Get("Settle.Reason.Label", "nl"), new() { Exact = true }).FillAsync("De tweede kookavond ging niet door.");
        await status.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Settle.Submit", "nl"), Exact = true }).ClickAsync();

        await Expect(status.Main.Locator(".notice--success")).ToContainTextAsync(Texts.Get("Settle.List.Done", "nl"));
        await SeeAsync(page, "vaststellingen-done");
        await page.GotoAsync($"/review/applications/{applicationId}/vaststelling");
        await Expect(status.Main).ToContainTextAsync("De tweede kookavond ging niet door.");
        await SeeAsync(page, "vaststelling-done");

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var vaststelling = await db.Decisions.SingleAsync(d => d.ApplicationId == applicationId && d.Kind == DecisionKind.Vaststelling);
        Assert.Equal((2, 50_000L, SettlementGround.NotTookPlace), (vaststelling.Number, vaststelling.AmountCents!.Value, vaststelling.SettlementGround!.Value));
    }

    private const string Reference = "NIJ-2026-00988";

    private async Task FitsAsync(IPage page, string name)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{name} is {width}px wide at a 320px viewport: it scrolls sideways ({page.Url})");
        await SeeAsync(page, name);
    }

    /// <summary>
    /// An application of the applicant's group, sent in a week ago for an activity that ended yesterday, granted as a
    /// verlening (the scheme verleent every grant here) through the domain and the budget ledger, as an approval does.
    /// </summary>
    private async Task<Guid> VerleendAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<BudgetLedger>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        var by = Actor.Applicant(user.Id);
        var then = DateTimeOffset.UtcNow.AddDays(-7);
        var yesterday = NijmegenTime.DayOf(DateTimeOffset.UtcNow).AddDays(-1);
        var group = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, by, then);
        group.Describe(OrganisationKind.InformalGroup, "Moeders", "Zuid/Hatert", "Amina", "06 1234 5678", true, by, then);
        group.PayThroughHost("Stichting Buurtwerk", "Karin", "karin@buurtwerk.example", true, by, then);
        var application = new Application(group.Id, scheme.Id, "nl", by, then);
        application.DescribeActivity("Kookavond voor moeders", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", yesterday, null, "Posters", by, then);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), by, then);
        application.Submit(scheme, group, declarationAccepted: true, Reference, by, then);
        db.Organisations.Add(group);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        await ledger.HoldDrawsAsync();

        // This grant is verleend: a copy of the scheme that verleent every grant (the demo scheme itself stays as it is).
        var verlenend = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == scheme.Id);
        verlenend.SettleDirectlyUpTo(Money.Zero);
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        var approver = Actor.Approver(Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync();
        application.StartReview(reviewer, now);
        application.ProposeDecision(ProposedOutcome.Grant, reviewer, now);
        application.Decide(approver, now);
        await ledger.SpendAsync(application, application.Requested, approver);
        db.Decisions.Add(Decision.Take(application, verlenend, 1, null, ProposedOutcome.Grant, application.Requested, ["FitsScheme"], null, null,
            ApplicationSnapshot.Of(application), approver, now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return application.Id;
    }
}
