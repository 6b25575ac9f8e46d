using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 11 points 7 and 8 in a browser, in Dutch: a reviewer scores without names, is warned about a long sentence,
/// proposes a refusal; an approver (another person, two-factor) finds it in the list and approves it. Axe on every page.
/// </summary>
public sealed class AssessmentJourney(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private static readonly string[] Criteria =
        ["Bereik in de buurt", "Bewoners doen mee", "Vertrouwen en aansluiting", "Ontmoeting tussen groepen", "Haalbaar", "Redelijke begroting"];

    [Fact]
    public async Task A_reviewer_assesses_without_names_and_proposes_a_refusal_that_an_approver_approves()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "beoordelaar", Totp.NewKey());
        var approver = await Server.CreateAccountAsync(Roles.Approver, "fiatteur", Totp.NewKey());
        var id = await ApplicantData.DraftAsync(Server, applicant, activity: true, 800);
        await SubmitAndGetReviewerReadyAsync(id, reviewer);

        var page = await SignedInAsync(reviewer, "reviewer");
        await page.GotoAsync($"/review/applications/{id}/assessment");
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("U beoordeelt zonder namen.");
        await Expect(main).Not.ToContainTextAsync("Moedergroep Hatert");
        await SeeAsync(page, "assessment");

        foreach (var criterion in Criteria)
            await page.GetByRole(AriaRole.Group, new() { Name = criterion }).GetByLabel("3", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Afwijzen", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("De activiteit bereikt te weinig mensen in de buurt.").CheckAsync();
        await page.GetByLabel("Uitleg in uw eigen woorden").FillAsync(
            "Wij hebben uw plan met aandacht gelezen en wij denken dat er in de buurt al veel vergelijkbare kookavonden voor moeders zijn.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren", Exact = true }).ClickAsync();
        await Expect(main).ToContainTextAsync("Uw beoordeling is bewaard.");
        await Expect(main).ToContainTextAsync("Deze zin is lang");
        await SeeAsync(page, "assessment-saved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Voorstel doen" }).ClickAsync();
        await Expect(main).ToContainTextAsync("Dit voorstel gaat naar een fiatteur.");
        await SeeAsync(page, "assessment-proposed");

        var approverPage = await SignedInAsync(approver, "approver");
        await approverPage.GotoAsync("/review/approvals");
        await SeeAsync(approverPage, "approvals");
        await approverPage.GetByRole(AriaRole.Link, new() { Name = "NIJ-2026-09911" }).ClickAsync();
        await Expect(approverPage.GetByRole(AriaRole.Main)).ToContainTextAsync("Moedergroep Hatert");
        await Expect(approverPage.GetByRole(AriaRole.Main)).ToContainTextAsync("De activiteit bereikt te weinig mensen in de buurt.");
        await SeeAsync(approverPage, "approval");
        await approverPage.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await Expect(approverPage.GetByRole(AriaRole.Main)).ToContainTextAsync("Het voorstel is goedgekeurd.");
        await SeeAsync(approverPage, "approvals-approved", replayable: false);

        Assert.Equal(ApplicationStatus.Rejected, (await ApplicantData.LoadAsync(Server, id)).Status);
    }

    private async Task<IPage> SignedInAsync(TestAccount account, string name)
    {
        var page = await OpenBrowserAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, $"{name}-sign-in");
        await signIn.SignInAsync(account.Email, account.Password);
        await SeeAsync(page, $"{name}-two-factor");
        await new TwoFactorPage(page).SubmitAsync(Totp.FreshCode(account.AuthenticatorKey!));
        await SeeAsync(page, $"{name}-signed-in");
        return page;
    }

    /// <summary>
    /// Sends the application in and gets the reviewer ready on it (the review started, through the domain): the one place
    /// for what the inbox asks first.
    /// </summary>
    private async Task SubmitAndGetReviewerReadyAsync(Guid id, TestAccount reviewer)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var reviewerId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(reviewer.Email))!.Id;
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == application.OrganisationId);
        var now = DateTimeOffset.UtcNow;
        application.Submit(scheme, organisation, declarationAccepted: true, "NIJ-2026-09911", Actor.Applicant(organisation.Members[0].UserId), now);
        application.StartReview(Actor.Reviewer(reviewerId), now);
        await db.SaveChangesAsync();
        // The reviewer declared no personal interest (art. 2:4 Awb): the inbox journey walks that page itself.
        var reviewCase = await db.Set<Portal.Domain.Review.ReviewCase>().Include(c => c.Declarations).SingleAsync(c => c.ApplicationId == id);
        reviewCase.Declare(false, null, Actor.Reviewer(reviewerId), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
