using System.Xml.Linq;
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
using Portal.Payments;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 12, points 7 and 8: an approver makes a payment file of a granted decision and downloads it (the schema accepts it,
/// the Arabic group's name comes out in Latin letters); an applicant whose application came back with suggestions sees the
/// tip on the task list and at its question. On a desktop and at 320 px, in Dutch and in Arabic; every page looked at (axe,
/// valid HTML).
/// </summary>
public sealed class PaymentsAndReturn(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Theory]
    [InlineData("nl")]
    [InlineData("ar")]
    public async Task An_approver_downloads_a_payment_file_and_an_applicant_sees_a_tip_at_its_question(string language)
    {
        await Server.SeedSchemesAsync();
        var key = Totp.NewKey();
        var approver = await Server.CreateAccountAsync(Roles.Approver, "fiatteur", key, language);
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "amina", language: language);
        var other = await Server.CreateAccountAsync(Roles.Applicant, "fatma", language: language);
        var (reference, decisionId) = await GrantedAsync(other.Email);
        var returnedId = await ReturnedAsync(applicant.Email);

        // The approver: the payments page, a batch, its file.
        var page = await OpenBrowserAsync();
        await SignInAsync(page, approver, language, "desktop", key);
        await page.GotoAsync("/review/payments");
        var payments = new PortalPage(page, language);
        await Expect(payments.Heading).ToHaveTextAsync(Texts.Get("Payout.Title", language));
        await Expect(page.Locator($"[data-decision='{decisionId}']")).ToContainTextAsync(reference);
        await SeeAsync(page, $"payments-{language}");
        await payments.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Payout.Make", language), Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-made]")).ToBeVisibleAsync();
        await SeeAsync(page, $"payment-batch-{language}");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            payments.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Payout.File.Download", language), Exact = true }).ClickAsync());
        var document = XDocument.Load(await download.PathAsync());
        Assert.Empty(SepaCreditTransfer.Validate(document));
        XNamespace ns = SepaCreditTransfer.Namespace;
        var transfer = Assert.Single(document.Descendants(ns + "CdtTrfTxInf"), t => t.Descendants(ns + "Ustrd").Single().Value.Contains(reference, StringComparison.Ordinal));
        Assert.Equal("mjmw'a alamhat", transfer.Element(ns + "Cdtr")!.Element(ns + "Nm")!.Value);
        Assert.Equal("750.00", transfer.Descendants(ns + "InstdAmt").Single().Value);
        await page.GotoAsync("/review/payments");
        await Expect(page.Locator($"[data-decision='{decisionId}']")).ToHaveCountAsync(0);
        await SeeAsync(page, $"payments-after-{language}");

        // The applicant: the task list says what happened, the question shows its tip.
        var phone = await OpenBrowserAsync(width: 320, height: 640);
        var desk = await OpenBrowserAsync();
        foreach (var (browserPage, size) in new[] { (desk, "desktop"), (phone, "320") })
        {
            await SignInAsync(browserPage, applicant, language, size);
            await browserPage.GotoAsync($"/applications/{returnedId}");
            var returned = browserPage.Locator("[data-returned]");
            await Expect(returned).ToContainTextAsync(Texts.Get("Suggestion.Returned.Title", language));
            await Expect(returned).ToContainTextAsync("Een mooi plan.");
            await FitsAsync(browserPage, $"returned-tasklist-{language}-{size}");
            await returned.GetByRole(AriaRole.Link, new() { Name = Texts.Get("Activity.Description.Label", language), Exact = true }).ClickAsync();
            var tip = browserPage.Locator("[data-suggestion='activity.description']");
            await Expect(tip).ToContainTextAsync("Schrijf ook wie de kookavond leidt.");
            await Expect(tip).ToContainTextAsync(Texts.Get("Suggestion.Title", language));
            await FitsAsync(browserPage, $"returned-question-{language}-{size}");
        }
        page = await OpenBrowserAsync(width: 320, height: 640);
        await SignInAsync(page, approver, language, "320", key);
        await page.GotoAsync("/review/payments");
        await FitsAsync(page, $"payments-{language}-320");
    }

    /// <summary>Signs in as a visitor would: the home page, the language (Arabic chosen there), the sign-in page, the code for staff.</summary>
    private async Task SignInAsync(IPage page, TestAccount account, string language, string size, string? key = null)
    {
        var name = $"{account.Role}-{language}-{size}".ToLowerInvariant();
        await page.GotoAsync("/");
        await SeeAsync(page, $"home-{name}");
        if (language == "ar")
        {
            await new PortalPage(page).SwitchLanguageAsync("العربية");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
            await SeeAsync(page, $"home-ar-{name}");
        }
        var signIn = new SignInPage(page, language);
        await signIn.GotoAsync();
        await SeeAsync(page, $"sign-in-{name}");
        await signIn.SignInAsync(account.Email, account.Password);
        if (key is not null)
        {
            var twoFactor = new TwoFactorPage(page, language);
            await Expect(twoFactor.Code).ToBeVisibleAsync();
            await SeeAsync(page, $"two-factor-{name}");
            await twoFactor.SubmitAsync(Totp.FreshCode(key));
        }
        await Expect(signIn.SignOutButton).ToBeVisibleAsync();
        await SeeAsync(page, $"signed-in-{name}");
    }

    private async Task FitsAsync(IPage page, string name)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var viewport = page.ViewportSize!.Width;
        Assert.True(width <= viewport, $"{name} is {width}px wide at a {viewport}px viewport: it scrolls sideways ({page.Url})");
        await SeeAsync(page, name);
    }

    private static string NewReference() => $"NIJ-2026-{Random.Shared.Next(60_000, 99_999)}";

    /// <summary>A granted decision of an Arabic-named group with its own account: waiting for payment.</summary>
    private async Task<(string Reference, Guid DecisionId)> GrantedAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        var member = Actor.Applicant((await db.Users.SingleAsync(u => u.Email == email)).Id);
        var now = DateTimeOffset.UtcNow;
        var group = new Organisation("مجموعة الأمهات", OrganisationKind.InformalGroup, member, now);
        group.Describe(OrganisationKind.InformalGroup, "Moeders", "Oost", "Fatma", "06 1234 5678", true, member, now);
        group.PayToOwnAccount(Iban.TryParse("NL44RABO0123456789", out _)!, "مجموعة الأمهات", member, now);
        var application = new Application(group.Id, scheme.Id, "ar", member, now);
        application.DescribeActivity("Iftar", "Wij eten samen.", "Buren", 40, "Oost", DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), null, "Posters", member, now);
        application.AddCost(CostCategory.FoodAndDrink, "Eten", Money.FromEuros(750), member, now);
        var reference = NewReference();
        application.Submit(scheme, group, declarationAccepted: true, reference, member, now);
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        application.StartReview(reviewer, now);
        application.ProposeDecision(ProposedOutcome.Grant, reviewer, now);
        application.Decide(reviewer, now);
        var decision = Decision.Take(application, scheme, 1, null, ProposedOutcome.Grant, application.Requested, [], null, null, "{}", reviewer, now);
        db.Organisations.Add(group);
        db.Applications.Add(application);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return (reference, decision.Id);
    }

    /// <summary>The applicant's application, returned with a general tip and one at the description (they consented to the delay).</summary>
    private async Task<Guid> ReturnedAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        var by = Actor.Applicant(user.Id);
        var now = DateTimeOffset.UtcNow;
        var group = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, by, now);
        group.Describe(OrganisationKind.InformalGroup, "Moeders", "Zuid/Hatert", "Amina", "06 1234 5678", true, by, now);
        group.PayThroughHost("Stichting Buurtwerk", "Karin", "karin@buurtwerk.example", true, by, now);
        var application = new Application(group.Id, scheme.Id, "nl", by, now);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", DateOnly.FromDateTime(now.UtcDateTime).AddDays(60),
            null, "Posters", by, now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), by, now);
        application.Submit(scheme, group, declarationAccepted: true, NewReference(), by, now);
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        application.StartReview(reviewer, now);
        var today = NijmegenTime.DayOf(now);
        application.RecordDelayConsent(today, today.AddDays(28), "Ja, ik wil mijn aanvraag verbeteren (aangevinkt)", by, now);
        application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, reviewer, now, "Een mooi plan. Met twee kleine dingen wordt het sterker.",
            QuestionSuggestions.Write([KeyValuePair.Create(QuestionKey.Description, (string?)"Schrijf ook wie de kookavond leidt.")]));
        application.Decide(reviewer, now);
        db.Organisations.Add(group);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }
}
