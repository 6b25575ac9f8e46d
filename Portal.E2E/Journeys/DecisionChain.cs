using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Portal.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 12 from approval to objection in one walk, each step by the person who takes it: the member of a group whose
/// application of € 1,200 (answered in Arabic) is in review says in her profile that decisions may come by email → a reviewer
/// assesses and proposes a grant → an approver
/// (four eyes: above € 1,000) approves it → the decision email reaches the member (MailDev) with the letter as a PDF, Dutch
/// with the Arabic summary and the last day to object counted from the sending day → she opens it from the email link, reads
/// the letter on the portal and downloads the same PDF that is kept on file → she objects online and gets the receipt. The
/// member's browser runs without JavaScript all the way. Every page is looked at (axe, valid HTML; screenshots with
/// PORTAL_SCREENSHOTS=1). The verlening → report → vaststelling chain is <see cref="SettleVerlening"/>.
/// </summary>
public sealed class DecisionChain(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private const string ArabicCounts = "الرسالة الهولندية وحدها هي الرسمية";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    [Fact]
    public async Task An_approved_grant_reaches_the_member_by_email_with_its_PDF_and_on_the_status_page_and_she_objects_online()
    {
        var member = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "ruben", authenticatorKey: Totp.NewKey());
        var approver = await Server.CreateAccountAsync(Roles.Approver, "fiatteur", authenticatorKey: Totp.NewKey());
        var id = await ApplicantData.DraftAsync(Server, member, activity: true, 1_200);
        // Three days ago, a day no other walk sends in on: each day's draw is held once, so an application back-dated to a day
        // another walk's approval already drew would never get its place (and could not be approved).
        var sentIn = DateTimeOffset.UtcNow.AddDays(-3);
        await AnsweredInArabicWithPapersAsync(id, member, sentIn);
        var reference = await ApplicantData.SentInAndTakenUpAsync(Server, id, member, reviewer, sentIn);

        // The member says in her profile that decisions may reach her by email (Wmebv).
        var memberTab = await OpenBrowserAsync(javaScript: false);
        await SignInAsAsync(memberTab, member);
        await memberTab.GotoAsync("/account/profile");
        var page = new PortalPage(memberTab);
        await SeeAsync(memberTab, "chain-profile");
        await page.Main.GetByRole(AriaRole.Radio, new() { Name = "Ja, per e-mail", Exact = true }).CheckAsync();
        await page.Main.GetByRole(AriaRole.Button, new() { Name = "Keuze opslaan", Exact = true }).ClickAsync();
        await Expect(page.Main).ToContainTextAsync("Nu: u krijgt besluiten over uw aanvragen per e-mail.");
        await SeeAsync(memberTab, "chain-profile-email");

        // The reviewer proposes a grant; above the four-eyes amount it goes to an approver.
        var reviewerTab = await OpenBrowserAsync();
        await SignInAsAsync(reviewerTab, reviewer);
        await reviewerTab.GotoAsync($"/review/applications/{id}/assessment");
        var review = reviewerTab.GetByRole(AriaRole.Main);
        await SeeAsync(reviewerTab, "chain-assessment");
        foreach (var criterion in ApplicantData.SamenDoenCriteria)
            await reviewerTab.GetByRole(AriaRole.Group, new() { Name = criterion }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await reviewerTab.GetByLabel("Toekennen", new() { Exact = true }).CheckAsync();
        await reviewerTab.GetByLabel("Uw activiteit past goed bij het doel van deze regeling.").CheckAsync();
        await reviewerTab.GetByLabel("Terugkoppeling voor de aanvrager").FillAsync("Fijn dat moeders uit de hele wijk samen koken.");
        await reviewerTab.GetByRole(AriaRole.Button, new() { Name = "Bewaren", Exact = true }).ClickAsync();
        await Expect(review).ToContainTextAsync("Uw beoordeling is bewaard.");
        await SeeAsync(reviewerTab, "chain-assessment-saved");
        await reviewerTab.GetByRole(AriaRole.Button, new() { Name = "Voorstel doen" }).ClickAsync();
        await Expect(review).ToContainTextAsync("Dit voorstel gaat naar een fiatteur.");
        await SeeAsync(reviewerTab, "chain-proposed");

        var approverTab = await OpenBrowserAsync();
        await SignInAsAsync(approverTab, approver);
        await approverTab.GotoAsync("/review/approvals");
        await SeeAsync(approverTab, "chain-approvals");
        await approverTab.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        var approval = approverTab.GetByRole(AriaRole.Main);
        await Expect(approval).ToContainTextAsync("1.200");
        await SeeAsync(approverTab, "chain-approval");
        await approverTab.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await Expect(approval).ToContainTextAsync("Het voorstel is goedgekeurd.");
        await SeeAsync(approverTab, "chain-approved", replayable: false);

        // The email: what it is, the last day to object from the sending day, a link, and the letter as a PDF.
        var mail = await Server.Mail.WaitForMailToAsync(member.Email, m => m.Subject == $"Besluit over uw aanvraag {reference}", TimeSpan.FromSeconds(30));
        var decision = await SentDecisionAsync(id);
        var lastDay = decision.ObjectionLastDay!.Value.ToString("d MMMM yyyy", Dutch);
        Assert.Contains("Dit is de officiële bekendmaking van het besluit.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Uitkomst: u krijgt \u2066€\u00A01.200\u2069 subsidie.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("De laatste dag daarvoor is: \u2068" + lastDay, mail.Text, StringComparison.Ordinal);
        Assert.Contains("Het hele besluit zit als PDF bij deze e-mail.", mail.Text, StringComparison.Ordinal);
        var attached = Assert.Single(mail.Attachments ?? []);
        Assert.Equal(($"besluit-{reference}-1.pdf", "application/pdf"), (attached.FileName, attached.ContentType));
        var emailed = await Server.Mail.ContentAsync(mail, attached);
        var emailedText = PdfText.Joined(emailed).Replace('\u00A0', ' ');
        Assert.Contains($"U krijgt € 1.200 voor {ApplicantData.Title}.", emailedText, StringComparison.Ordinal);
        Assert.Contains("Fijn dat moeders uit de hele wijk samen koken.", emailedText, StringComparison.Ordinal);
        Assert.Contains(lastDay, emailedText, StringComparison.Ordinal);
        Assert.Contains(PdfText.Lines(emailed), line => PdfText.ReadRightToLeft(line).Contains(ArabicCounts, StringComparison.Ordinal));
        Keep(emailed, "chain-emailed-letter.pdf");

        // The link in the email opens the letter: Dutch, with the Arabic summary that says the Dutch counts.
        await memberTab.GotoAsync(mail.FirstLink.PathAndQuery);
        await Expect(page.Heading).ToHaveTextAsync("Ons besluit over uw aanvraag");
        var letter = page.Main.Locator("article.letter");
        await Expect(letter).ToHaveAttributeAsync("lang", "nl");
        await Expect(letter).ToContainTextAsync($"U krijgt € 1.200 voor \u2068{ApplicantData.Title}\u2069.");
        await Expect(letter).ToContainTextAsync(lastDay);
        await Expect(letter.Locator("section[lang='ar'][dir='rtl']")).ToContainTextAsync(ArabicCounts);
        await SeeAsync(memberTab, "chain-letter");
        var download = await memberTab.RunAndWaitForDownloadAsync(() =>
            page.Main.GetByRole(AriaRole.Link, new() { Name = "Download de brief als PDF", Exact = true }).ClickAsync());
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(PdfText.Lines(emailed), PdfText.Lines(downloaded));

        // The status page says it in short and offers the objection.
        await memberTab.GotoAsync($"/applications/{id}/status");
        await Expect(page.Main.Locator(".decision-summary")).ToContainTextAsync("1.200");
        await SeeAsync(memberTab, "chain-status-decided");
        await page.Main.GetByRole(AriaRole.Link, new() { Name = "Ik ben het niet eens met dit besluit", Exact = true }).ClickAsync();
        await Expect(page.Heading).ToHaveTextAsync("Ik ben het niet eens met dit besluit");
        await SeeAsync(memberTab, "chain-objection-form");
        await page.Main.GetByLabel("Waarom bent u het niet eens met het besluit?").FillAsync("نحتاج المال للقاعة أيضًا.\nWij hadden ook geld nodig voor de zaal.");
        await page.Main.GetByRole(AriaRole.Button, new() { Name = "Verstuur", Exact = true }).ClickAsync();
        await Expect(page.Heading).ToHaveTextAsync("Wij hebben uw reactie ontvangen");
        await Expect(page.Main).ToContainTextAsync("نحتاج المال للقاعة أيضًا.");
        await SeeAsync(memberTab, "chain-objection-received");
        var receipt = await Server.Mail.WaitForMailToAsync(member.Email, m => m.Subject == $"Wij hebben uw reactie op ons besluit ontvangen: {reference}");
        Assert.Contains("U was op tijd.", receipt.Text, StringComparison.Ordinal);
        Assert.Empty(receipt.Attachments ?? []);

        // On file: the member's opening of the decision (her receipt of it) and the very letter she was sent.
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.NotNull((await db.Decisions.SingleAsync(d => d.Id == decision.Id)).FirstOpenedAt);
        Assert.Equal(PdfText.Lines(emailed), PdfText.Lines((await db.DecisionDocuments.SingleAsync(d => d.DecisionId == decision.Id)).Content));
    }

    /// <summary>The draft's answers are in Arabic (so the letter's summary is), with the papers its amount needs.</summary>
    private async Task AnsweredInArabicWithPapersAsync(Guid id, TestAccount member, DateTimeOffset at)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var by = Actor.Applicant((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(member.Email))!.Id);
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Attachments).SingleAsync(a => a.Id == id);
        application.WriteAnswersIn("ar", by, at);
        ApplicantData.AttachRequired(db, application, await db.Schemes.SingleAsync(s => s.Id == application.SchemeId), by, at);
        await db.SaveChangesAsync();
    }

    /// <summary>The decision once the mail server accepted its email (the dispatch follower records it a moment later).</summary>
    private async Task<Decision> SentDecisionAsync(Guid applicationId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            await using (var scope = Server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                if (await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.ApplicationId == applicationId && d.SentAt != null) is { } sent)
                {
                    Assert.Equal(DispatchChannel.Email, sent.Channel);
                    return sent;
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The decision was not recorded as sent.");
            await Task.Delay(200);
        }
    }

    private static void Keep(byte[] pdf, string name)
    {
        if (!TestEnvironment.Screenshots) return;
        Directory.CreateDirectory(TestEnvironment.ScreenshotDirectory);
        File.WriteAllBytes(Path.Combine(TestEnvironment.ScreenshotDirectory, name), pdf);
    }
}
