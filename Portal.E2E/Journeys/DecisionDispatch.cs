using System.Globalization;
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
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Dispatch of decisions under the Wmebv (issue 12, point 3): a member answers the email question when sending in (a
/// required choice), the decision reaches her by email naming the last day to object; a group that chose post gets a letter
/// that a reviewer marks posted on the staff page, which then shows how each decision went out. Every page is looked at
/// (axe, valid HTML; with PORTAL_SCREENSHOTS=1 in Dutch and Arabic, desktop to 320 px).
/// </summary>
public sealed class DecisionDispatch(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    [Fact]
    public async Task A_decision_goes_by_email_to_who_agreed_and_as_a_posted_letter_to_who_did_not()
    {
        await Server.SeedSchemesAsync();
        var amina = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var aminasDraft = await DraftAsync(amina.Email, "Moedergroep Hatert");
        var page = await OpenBrowserAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "dispatch-sign-in");
        await signIn.SignInAsync(amina.Email, amina.Password);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await SeeAsync(page, "dispatch-signed-in");

        // The question at submission: plain, nothing chosen beforehand, and required.
        await page.GotoAsync($"/applications/{aminasDraft}/check");
        var check = new CheckAnswersPage(page);
        await Expect(check.DecisionsBy("Dispatch.Ask.Yes")).Not.ToBeCheckedAsync();
        await Expect(check.DecisionsBy("Dispatch.Ask.No")).Not.ToBeCheckedAsync();
        await SeeAsync(page, "dispatch-check-question");
        await check.TrueAndComplete.CheckAsync();
        await check.WillReport.CheckAsync();
        await check.MayBeChecked.CheckAsync();
        await check.Submit.ClickAsync();
        await Expect(check.ErrorSummary).ToContainTextAsync("Kies of u besluiten per e-mail of per post wilt krijgen.");
        await SeeAsync(page, "dispatch-check-question-missing", replayable: false);
        await check.DeclareAndSubmitAsync(decisionsByEmail: true);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/confirmation"));
        await SeeAsync(page, "dispatch-confirmation");

        // Decided: the email names what it is, what it does, and the last day to object, and links to the decision.
        var decided = await DecideAsync(aminasDraft);
        var mail = await Server.Mail.WaitForMailToAsync(amina.Email, m => m.Subject.StartsWith("Besluit", StringComparison.Ordinal));
        var lastDay = Decision.LastDayToObject(NijmegenTime.DayOf(decided), AtwCalendar.Netherlands).ToString("d MMMM yyyy", Dutch);
        Assert.StartsWith("Besluit over uw aanvraag NIJ-", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Dit is de officiële bekendmaking van het besluit.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("De laatste dag daarvoor is: \u2068" + lastDay, mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/applications/{aminasDraft}/decision", mail.Text, StringComparison.Ordinal);

        // The answer can be changed in the profile.
        await page.GotoAsync("/account/profile");
        var profile = new PortalPage(page);
        await Expect(profile.Main).ToContainTextAsync("Nu: u krijgt besluiten over uw aanvragen per e-mail.");
        await SeeAsync(page, "dispatch-profile");
        await profile.Main.GetByRole(AriaRole.Radio, new() { Name = "Nee, per post", Exact = true }).CheckAsync();
        await profile.Main.GetByRole(AriaRole.Button, new() { Name = "Keuze opslaan", Exact = true }).ClickAsync();
        await Expect(profile.Main).ToContainTextAsync("Uw keuze is opgeslagen.");
        await Expect(profile.Main).ToContainTextAsync("Nu: u krijgt besluiten over uw aanvragen per post.");
        await SeeAsync(page, "dispatch-profile-saved");
        await profile.SignOutAsync();
        await Expect(profile.SignInLink).ToBeVisibleAsync();
        await SeeAsync(page, "dispatch-signed-out");

        // A group that chose post: no email; a letter for staff to post.
        var yusuf = await Server.CreateAccountAsync(Roles.Applicant, "yusuf");
        var yusufsDraft = await DraftAsync(yusuf.Email, "Jongeren Dukenburg");
        await signIn.GotoAsync();
        await signIn.SignInAsync(yusuf.Email, yusuf.Password);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await SeeAsync(page, "dispatch-signed-in-yusuf");
        await page.GotoAsync($"/applications/{yusufsDraft}/check");
        await SeeAsync(page, "dispatch-check-yusuf");
        await check.DeclareAndSubmitAsync(decisionsByEmail: false);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/confirmation"));
        await SeeAsync(page, "dispatch-confirmation-yusuf");
        await DecideAsync(yusufsDraft);
        await profile.SignOutAsync();
        await Expect(profile.SignInLink).ToBeVisibleAsync();
        await SeeAsync(page, "dispatch-signed-out-yusuf");

        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "reviewer", authenticatorKey: Totp.NewKey());
        await SignInAsAsync(page, reviewer);
        await Expect(signIn.Main).ToContainTextAsync("U bent ingelogd.");
        await page.GotoAsync("/review");
        await SeeAsync(page, "dispatch-review-inbox");
        await profile.Main.GetByRole(AriaRole.Link, new() { Name = "Besluiten versturen (post en e-mail)", Exact = true }).ClickAsync();
        // Other walks of the same run leave letters to post too: this one is the group's.
        var letters = profile.Main.Locator("[data-to-post] > li").Filter(new() { HasText = "Jongeren Dukenburg" });
        await Expect(letters).ToHaveCountAsync(1);
        await Expect(letters).ToContainTextAsync("Niemand heeft ingestemd met e-mail.");
        await Expect(letters.GetByRole(AriaRole.Link, new() { Name = "Open de brief om te printen" }))
            .ToHaveAttributeAsync("href", $"/review/applications/{yusufsDraft}/decision");
        await SeeAsync(page, "dispatch-staff-to-post");
        await letters.GetByLabel("Gepost op").FillAsync(NijmegenTime.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await letters.GetByRole(AriaRole.Button, new() { Name = "Opslaan: brief is gepost" }).ClickAsync();
        await Expect(profile.Main).ToContainTextAsync("Opgeslagen. De termijn voor bezwaar loopt vanaf de dag na de postdatum.");
        await Expect(profile.Main.Locator("[data-to-post] > li").Filter(new() { HasText = "Jongeren Dukenburg" })).ToHaveCountAsync(0);
        var sent = profile.Main.Locator("[data-sent] tbody tr");
        await Expect(sent.Filter(new() { Has = page.Locator($"a[href='/review/applications/{yusufsDraft}']") }).Locator("[data-channel=Post]"))
            .ToHaveCountAsync(1);
        await Expect(sent.Filter(new() { Has = page.Locator($"a[href='/review/applications/{aminasDraft}']") }).Locator("[data-channel=Email]"))
            .ToHaveCountAsync(1);
        await SeeAsync(page, "dispatch-staff-posted");
        Assert.DoesNotContain(await Server.Mail.MailsToAsync(yusuf.Email), m => m.Subject.StartsWith("Besluit", StringComparison.Ordinal));
    }

    /// <summary>A complete draft of the member's new group (what the task list would have made).</summary>
    private async Task<Guid> DraftAsync(string email, string group)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        var by = Actor.Applicant(user.Id);
        var now = DateTimeOffset.UtcNow;
        var organisation = new Organisation(group, OrganisationKind.InformalGroup, by, now);
        organisation.Describe(OrganisationKind.InformalGroup, "Buren die samen iets doen", "Zuid/Hatert", "Amina", "06 1234 5678", true, by, now);
        organisation.PayThroughHost("Stichting Buurtwerk", "Karin", "karin@buurtwerk.example", true, by, now);
        var application = new Application(organisation.Id, scheme.Id, "nl", by, now);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", DateOnly.FromDateTime(now.UtcDateTime).AddDays(60),
            null, "Posters", by, now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), by, now);
        db.Organisations.Add(organisation);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>The decision taken as the approval does it (the assessment pages are another journey's walk).</summary>
    private async Task<DateTimeOffset> DecideAsync(Guid applicationId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == applicationId);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        application.StartReview(reviewer, now);
        application.ProposeDecision(ProposedOutcome.Grant, reviewer, now);
        application.Decide(reviewer, now);
        db.Decisions.Add(Decision.Take(application, scheme, 1, null, ProposedOutcome.Grant, Money.FromEuros(800), [], null, null, "{}", reviewer, now));
        await db.SaveChangesAsync();
        return now;
    }
}
