using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 11, points 1, 3, 4 and 10: a reviewer signs in with a second factor, finds a sent-in application in the inbox,
/// sees only its summary until declaring no conflict of interest (a missing choice is a plain error), then the whole
/// application, takes it, and reads the timeline — axe and the HTML checker on every page and state.
/// </summary>
public sealed class ReviewInbox(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task A_reviewer_goes_from_the_inbox_through_the_declaration_to_the_whole_application_and_its_timeline()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var id = await ApplicantData.DraftAsync(Server, applicant, activity: true, 400);
        string reference;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(applicant.Email))!.Id;
            var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == id);
            var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
            var group = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == application.OrganisationId);
            var number = await db.Database.SqlQuery<long>($"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" """).SingleAsync();
            reference = ReferenceNumber.Format(DateTime.UtcNow.Year, number);
            application.Submit(scheme, group, declarationAccepted: true, reference, Actor.Applicant(userId), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "reviewer", Totp.NewKey());
        var page = await OpenBrowserAsync();
        await SignInAsAsync(page, reviewer);

        await page.GotoAsync("/review");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aanvragen beoordelen");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Moedergroep Hatert");
        await SeeAsync(page, "review-inbox");
        await page.GetByLabel("Van wie").SelectOptionAsync("Unassigned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon aanvragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = reference })).ToBeVisibleAsync();
        await SeeAsync(page, "review-inbox-filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hebt u een persoonlijk belang?" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(ApplicantData.Description);
        await SeeAsync(page, "review-summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verklaring opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies of u een persoonlijk belang hebt.");
        await SeeAsync(page, "review-declaration-error");
        await page.GetByLabel("Ik heb geen persoonlijk belang bij deze aanvraag").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verklaring opslaan" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(ApplicantData.Description);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van deze aanvraag" })).ToBeVisibleAsync();
        await SeeAsync(page, "review-application");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ik neem deze aanvraag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Deze aanvraag is nu van u.");
        await SeeAsync(page, "review-application-taken");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van deze aanvraag" }).GetByRole(AriaRole.Link, new() { Name = "Tijdlijn" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Verklaard: geen persoonlijk belang");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Genomen door");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(reviewer.Email);
        await SeeAsync(page, "review-timeline");
        await page.GotoAsync("/review/settings");
        await SeeAsync(page, "review-settings");
    }
}
