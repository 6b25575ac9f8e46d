using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Portal.Review;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 12, points 4 and 5 in a browser: a granted application (decision 1) → the applicant says "Ik ben het niet eens met dit
/// besluit" with their words in Arabic and Dutch and a file, first forgetting the words (a plain error, nothing lost) → the
/// receipt page and the receipt email (MailDev) → a reviewer sees the objection waiting above the inbox, on the list and on the
/// application → an approver reopens the decision with a reason (first without one) → the applicant reads on the status page
/// and in an email that the decision no longer stands and what happens next. Every page and state is looked at with axe and
/// the HTML checker (and, with PORTAL_SCREENSHOTS=1, photographed at desktop and phone widths in Dutch and Arabic); the form
/// and the receipt also fit a 320 px screen in Arabic.
/// </summary>
public sealed class Objection(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private const string Words = "لا أوافق على هذا القرار 🙏\nWij vroegen geld voor de zaal en kregen te weinig.";

    [Fact]
    public async Task A_decided_application_objected_to_with_a_file_received_seen_by_staff_and_reopened_by_an_approver()
    {
        var member = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "ruben", authenticatorKey: Totp.NewKey());
        var approver = await Server.CreateAccountAsync(Roles.Approver, "fiatteur", authenticatorKey: Totp.NewKey());
        var id = await ApplicantData.DraftAsync(Server, member, activity: true, 300);
        var reference = await DecidedAsync(id, member, reviewer);

        var memberTab = await OpenBrowserAsync();
        await SignInAsAsync(memberTab, member);
        await memberTab.GotoAsync($"/applications/{id}/status");
        var main = memberTab.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("Niet eens met het besluit?");
        await SeeAsync(memberTab, "objection-on-status");
        await main.GetByRole(AriaRole.Link, new() { Name = "Ik ben het niet eens met dit besluit", Exact = true }).ClickAsync();
        await Expect(memberTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ik ben het niet eens met dit besluit");
        await SeeAsync(memberTab, "objection-form");

        await main.GetByRole(AriaRole.Button, new() { Name = "Verstuur", Exact = true }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Alert)).ToContainTextAsync("Schrijf waarom u het niet eens bent met het besluit.");
        await SeeAsync(memberTab, "objection-form-no-words", replayable: false);
        await main.GetByLabel("Waarom bent u het niet eens met het besluit?").FillAsync(Words);
        await main.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "rekening-zaal.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray(),
        });
        await main.GetByRole(AriaRole.Button, new() { Name = "Verstuur", Exact = true }).ClickAsync();
        await Expect(memberTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wij hebben uw reactie ontvangen");
        await Expect(main).ToContainTextAsync("لا أوافق على هذا القرار 🙏");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "rekening-zaal.pdf" })).ToBeVisibleAsync();
        await SeeAsync(memberTab, "objection-received");

        // The receipt by email (art. 6:14 Awb): the first mail is the confirmation of the submission.
        var receipt = await Server.Mail.WaitForMailToAsync(member.Email, count: 2);
        Assert.Equal($"Wij hebben uw reactie op ons besluit ontvangen: {reference}", receipt.Subject);
        Assert.Contains("> لا أوافق على هذا القرار 🙏", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("U was op tijd.", receipt.Text, StringComparison.Ordinal);

        await memberTab.GotoAsync($"/applications/{id}/status");
        await Expect(main).ToContainTextAsync("Uw reactie ontvangen: u bent het niet eens met het besluit");
        await SeeAsync(memberTab, "objection-on-status-received");

        // Staff: waiting above the inbox, on the list, marked on the application's pages, readable with its file.
        var reviewerTab = await OpenBrowserAsync();
        await SignInAsAsync(reviewerTab, reviewer);
        await reviewerTab.GotoAsync("/review");
        var staff = reviewerTab.GetByRole(AriaRole.Main);
        await Expect(staff).ToContainTextAsync("1 wachten");
        await SeeAsync(reviewerTab, "review-inbox-objection-waiting");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Bezwaren", Exact = true }).ClickAsync();
        await Expect(reviewerTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bezwaren");
        await SeeAsync(reviewerTab, "review-objections");
        await staff.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(staff).ToContainTextAsync("لا أوافق على هذا القرار 🙏");
        await Expect(staff).ToContainTextAsync("Bezwaar ontvangen op");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "rekening-zaal.pdf" })).ToBeVisibleAsync();
        await Expect(staff).ToContainTextAsync("Alleen een fiatteur kan een besluit heropenen.");
        await SeeAsync(reviewerTab, "review-decisions");

        // The approver reopens: first without a reason (refused plainly), then with one.
        var approverTab = await OpenBrowserAsync();
        await SignInAsAsync(approverTab, approver);
        await approverTab.GotoAsync($"/review/applications/{id}/decisions");
        var approval = approverTab.GetByRole(AriaRole.Main);
        await SeeAsync(approverTab, "review-decisions-approver");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Heropen het besluit", Exact = true }).ClickAsync();
        await Expect(approval.GetByRole(AriaRole.Alert)).ToContainTextAsync("Schrijf waarom u het besluit heropent.");
        await SeeAsync(approverTab, "review-decisions-no-reason", replayable: false);
        await approval.GetByLabel("Reden", new() { Exact = true }).FillAsync("Wij hebben uw rekening van de zaal niet goed gelezen.\nWij kijken opnieuw.");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Heropen het besluit", Exact = true }).ClickAsync();
        await Expect(approval).ToContainTextAsync("Het besluit is heropend.");
        await approval.GetByText("Waarop besluit 1 rustte").ClickAsync();
        await Expect(approval).ToContainTextAsync(ApplicantData.Title);
        await SeeAsync(approverTab, "review-decisions-reopened");
        Assert.Equal(ApplicationStatus.InReview, (await ApplicantData.LoadAsync(Server, id)).Status);

        // The applicant is told: in an email and on the status page, plainly, with what happens next.
        var told = await Server.Mail.WaitForMailToAsync(member.Email, count: 3);
        Assert.Equal($"Ons besluit over uw aanvraag {reference} geldt niet meer", told.Subject);
        Assert.Contains("Wij kijken opnieuw naar uw aanvraag.", told.Text, StringComparison.Ordinal);
        await memberTab.GotoAsync($"/applications/{id}/status");
        await Expect(main).ToContainTextAsync("Het besluit geldt niet meer");
        await Expect(main).ToContainTextAsync("Wij hebben uw rekening van de zaal niet goed gelezen.");
        await Expect(main).Not.ToContainTextAsync("Niet eens met het besluit?");
        await SeeAsync(memberTab, "status-decision-reopened");

        // On a 320 px phone in Arabic the form and the receipt fit without sideways scrolling.
        var phone = await OpenBrowserAsync(width: 320, height: 640);
        await SignInAsAsync(phone, member);
        await new PortalPage(phone).SwitchLanguageAsync("العربية");
        await phone.GotoAsync($"/applications/{id}/objection/received");
        await FitsAsync(phone, "objection-received-phone");
        await phone.GotoAsync($"/applications/{id}/objection");
        await FitsAsync(phone, "objection-form-phone-no-decision");
    }

    private async Task FitsAsync(IPage page, string name)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{name} is {width}px wide at a 320px viewport: it scrolls sideways ({page.Url})");
        await SeeAsync(page, name);
    }

    /// <summary>
    /// Sends the draft in (two days ago, so that day's budget draw is held), lets the reviewer assess it and grant it below the
    /// four-eyes threshold through the domain and the one way a proposal becomes a decision; returns the reference.
    /// </summary>
    private async Task<string> DecidedAsync(Guid id, TestAccount member, TestAccount reviewer)
    {
        var reference = await ApplicantData.SentInAndTakenUpAsync(Server, id, member, reviewer, DateTimeOffset.UtcNow.AddDays(-2));
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var by = Actor.Reviewer((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(reviewer.Email))!.Id);
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == id);
        var framework = await db.Set<AssessmentFramework>().Include("criteria").SingleAsync(f => f.SchemeId == application.SchemeId);
        var now = DateTimeOffset.UtcNow;
        var assessment = new ApplicationAssessment(application, by, now);
        foreach (var criterion in framework.Criteria) assessment.Score(framework, criterion.Key, CriterionMark.Score, 3, null, by, now);
        assessment.ChooseOutcome(ProposedOutcome.Grant, ["FitsScheme"], null, false, by, now);
        assessment.Propose(application, framework, by, now);
        db.Add(assessment);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ProposalDecisions>().DecideAsync(assessment, application, by);
        return reference;
    }
}
