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
using Portal.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 12 point 2 in the browser: a decided application (a grant, sent by post) → the applicant opens the status page and
/// sees the decision in short → the letter, Dutch with the Arabic summary → the PDF downloads and holds the letter. In Dutch
/// on a desktop and in Arabic on a 320 px phone; every page looked at (axe, valid HTML, screenshots).
/// </summary>
public sealed class DecisionLetter(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Theory]
    [InlineData("nl", BrowserFixture.DesktopWidth)]
    [InlineData("ar", 320)]
    public async Task The_applicant_reads_the_decision_from_the_status_page_and_downloads_its_PDF(string language, int width)
    {
        await Server.SeedSchemesAsync();
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "amina", language: language);
        var reference = $"NIJ-2026-{Random.Shared.Next(10_000, 99_999)}";
        var (applicationId, decisionId) = await DecidedAsync(applicant.Email, reference);
        var page = await OpenBrowserAsync(width: width, height: 800);
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, $"sign-in-{language}-{width}");
        await signIn.SignInAsync(applicant.Email, applicant.Password);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await SeeAsync(page, $"signed-in-{language}-{width}");

        await page.GotoAsync($"/applications/{applicationId}/status");
        var status = new PortalPage(page);
        await Expect(status.Main.Locator(".decision-summary")).ToContainTextAsync("1.800");
        await SeeAsync(page, $"status-decision-{language}-{width}");
        await status.Main.GetByRole(AriaRole.Link, new() { Name = Texts.Get("DecisionPage.Status.Link", language), Exact = true }).ClickAsync();

        await Expect(status.Heading).ToHaveTextAsync(Texts.Get("DecisionPage.Title", language));
        var letter = status.Main.Locator("article.letter");
        await Expect(letter).ToHaveAttributeAsync("lang", "nl");
        await Expect(letter).ToContainTextAsync("Kookavond voor moeders");
        await Expect(letter).ToContainTextAsync("Nijmeegse Kaderverordening Subsidies 2019");
        await Expect(letter).ToContainTextAsync("dinsdag 12 januari 2027");
        var summary = letter.Locator("section[lang='ar'][dir='rtl']");
        await Expect(summary).ToContainTextAsync("الرسالة الهولندية وحدها هي الرسمية");
        await SeeAsync(page, $"decision-letter-{language}-{width}");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            status.Main.GetByRole(AriaRole.Link, new() { Name = Texts.Get("DecisionPage.Pdf", language), Exact = true }).ClickAsync());
        Assert.Equal($"besluit-{reference}-1.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(path);
        var text = PdfText.Joined(pdf).Replace('\u00A0', ' ');
        Assert.Contains("U krijgt € 1.800 voor Kookavond voor moeders.", text, StringComparison.Ordinal);
        Assert.Contains("dinsdag 12 januari 2027", text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Lines(pdf), line => PdfText.ReadRightToLeft(line).Contains("الرسالة الهولندية وحدها هي الرسمية", StringComparison.Ordinal));
        if (TestEnvironment.Screenshots)
        {
            Directory.CreateDirectory(TestEnvironment.ScreenshotDirectory);
            File.Copy(path, Path.Combine(TestEnvironment.ScreenshotDirectory, $"decision-letter-{language}-{width}.pdf"), overwrite: true);
        }

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.NotNull((await db.Decisions.SingleAsync(d => d.Id == decisionId)).FirstOpenedAt);
        Assert.Equal(pdf, (await db.DecisionDocuments.SingleAsync(d => d.DecisionId == decisionId)).Content);
    }

    /// <summary>
    /// An application of the applicant's group for € 1,800, answered in Arabic, granted (a directe vaststelling) and posted on
    /// Tuesday 1 December 2026 — through the domain's verbs, as the reviewer's pages take them.
    /// </summary>
    private async Task<(Guid Application, Guid Decision)> DecidedAsync(string email, string reference)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        var by = Actor.Applicant(user.Id);
        var now = DateTimeOffset.UtcNow;
        var group = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, by, now.AddDays(-20));
        group.Describe(OrganisationKind.InformalGroup, "Moeders uit de buurt", "Zuid/Hatert", "Amina", "06 1234 5678", true, by, now);
        group.PayThroughHost("Stichting Buurtwerk Zuid", "Karin de Vries", "karin@buurtwerk.example", true, by, now);
        var application = new Application(group.Id, scheme.Id, "ar", by, now);
        application.DescribeActivity("Kookavond voor moeders", "Wij koken samen en praten over opvoeden.", "Moeders uit Hatert", 25, "Zuid/Hatert",
            NijmegenTime.DayOf(now).AddDays(40), null, "Iedereen mag aanschuiven.", by, now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(1_800), by, now);
        ApplicantData.AttachRequired(db, application, scheme, by, now);
        application.Submit(scheme, group, declarationAccepted: true, reference, by, now.AddDays(-14));
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        application.StartReview(reviewer, now);
        application.ProposeDecision(ProposedOutcome.Grant, reviewer, now);
        application.Decide(reviewer, now);
        var decision = Decision.Take(application, scheme, 1, null, ProposedOutcome.Grant, application.Requested, ["FitsScheme", "GoodForNeighbourhood"],
            null, "Uw plan is duidelijk. Fijn dat moeders uit de hele wijk meedoen.", ApplicationSnapshot.Of(application), reviewer, now);
        decision.Sent(DispatchChannel.Post, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), AtwCalendar.Netherlands, reviewer);
        db.Organisations.Add(group);
        db.Applications.Add(application);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return (application.Id, decision.Id);
    }
}
