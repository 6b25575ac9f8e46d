using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Coaching;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 10: asking for a coach from the budget question in the htmx dialog (Escape closes it and gives focus back;
/// errors and the confirmation inside it), the coach's dashboard and claim with the applicant's email in MailDev; and
/// the same form in Arabic at 320 px without JavaScript, as a plain page.
/// </summary>
public sealed class Coaching(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private async Task<TestAccount> CoachAsync(string name, string[] languages, string[] districts)
    {
        var coach = await Server.CreateAccountAsync(Roles.Coach, "coach", Totp.NewKey());
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(coach.Email);
        var team = new CoachingOrganisation("Stichting Samen Sterk", CoachingOrganisationKind.SelfOrganisation);
        var profile = new CoachProfile(user!.Id, name, team.Id);
        profile.Describe(name, languages, districts, CoachGender.Woman, "06 1234 5001", "06 1234 5001", coach.Email, "Ik help graag met de begroting.",
            [new WalkInHours("Buurthuis De Schakel", "Meijhorst 60-06", "dinsdag 10.00–12.00 uur")]);
        db.CoachingOrganisations.Add(team);
        db.CoachProfiles.Add(profile);
        await db.SaveChangesAsync();
        return coach;
    }

    [Fact]
    public async Task An_applicant_asks_from_the_budget_in_the_dialog_and_the_coach_claims_it_and_the_applicant_is_told_who()
    {
        var coach = await CoachAsync("Fatima El Amrani", ["ar", "nl"], ["Zuid"]);
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var draft = await ApplicantData.DraftAsync(Server, applicant, activity: true, 400);
        var page = await OpenBrowserAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(applicant.Email, applicant.Password);
        await SeeAsync(page, "signed-in");
        await page.GotoAsync($"/applications/{draft}/budget");
        await SeeAsync(page, "budget");

        var button = page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Vraag hulp aan een coach", Exact = true });
        await button.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Vraag hulp aan een coach" })).ToBeFocusedAsync();
        await Expect(dialog).ToContainTextAsync("Begroting — Kleine subsidie Samen Doen");
        await SeeAsync(page, "ask-dialog", replayable: false);

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();

        await button.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul uw naam in");
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await SeeAsync(page, "ask-dialog-errors", replayable: false);

        await dialog.GetByLabel("De begroting", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel("Uw vraag in uw eigen woorden").FillAsync("Mag de huur van de zaal erin? 🙏");
        await dialog.GetByLabel("Telefoon", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel("'s Avonds").CheckAsync();
        await dialog.GetByLabel("Uw naam").FillAsync("Amina");
        await dialog.GetByLabel("Telefoonnummer").FillAsync("06 1234 5678");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Uw vraag is verstuurd");
        await Expect(dialog).ToContainTextAsync("Een coach neemt contact met u op, uiterlijk");
        await SeeAsync(page, "ask-dialog-sent", replayable: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sluiten" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // The coach is emailed (in MailDev) and, signed in with a second factor, finds it on the dashboard and claims it.
        var news = await Server.Mail.WaitForMailToAsync(coach.Email, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal("Nieuwe hulpvragen voor u: 1", news.Subject);
        Assert.Contains("Vraag over: Begroting — Kleine subsidie Samen Doen", news.Text, StringComparison.Ordinal);
        var coachPage = await OpenBrowserAsync();
        await SignInAsAsync(coachPage, coach);
        await coachPage.GotoAsync("/coach");
        await Expect(coachPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hulpvragen");
        await SeeAsync(coachPage, "coach-dashboard");
        await coachPage.GetByRole(AriaRole.Link, new() { Name = "Vraag over: Begroting — Kleine subsidie Samen Doen" }).ClickAsync();
        await Expect(coachPage.GetByRole(AriaRole.Main)).ToContainTextAsync("Mag de huur van de zaal erin? 🙏");
        await SeeAsync(coachPage, "coach-request");
        await coachPage.GetByRole(AriaRole.Button, new() { Name = "Ik pak deze vraag op" }).ClickAsync();
        await Expect(coachPage.GetByRole(AriaRole.Main)).ToContainTextAsync("U hebt deze vraag opgepakt.");
        await SeeAsync(coachPage, "coach-request-claimed");

        var mail = await Server.Mail.WaitForMailToAsync(applicant.Email);
        Assert.Equal("Uw coach is Fatima El Amrani", mail.Subject);
        await page.GotoAsync("/applications");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Fatima El Amrani neemt contact met u op");
        await SeeAsync(page, "my-applications-with-request");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_form_works_in_arabic_on_a_320px_screen_with_and_without_javascript(bool javaScript)
    {
        await CoachAsync("فاطمة", ["ar"], ["Dukenburg"]);
        var page = await OpenBrowserAsync(width: 320, height: 640, javaScript: javaScript);
        await page.GotoAsync("/");
        await SeeAsync(page, "home");
        await new PortalPage(page).SwitchLanguageAsync("العربية");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await SeeAsync(page, "home-ar");

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = Texts.Get("Layout.AskCoach.Button", "ar"), Exact = true }).ClickAsync();
        var form = javaScript ? page.GetByRole(AriaRole.Dialog) : page.GetByRole(AriaRole.Main);
        if (!javaScript) await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/help/ask"));
        await Expect(form.GetByRole(AriaRole.Heading, new() { Name = Texts.Get("Coaching.Ask.Title", "ar") })).ToBeVisibleAsync();
        await FitsAsync(page, "ask-ar");

        await form.GetByLabel(Texts.Get("Coaching.Topic.WhichScheme", "ar"), new() { Exact = true }).CheckAsync();
        await form.GetByLabel(Texts.Get("Coaching.Channel.WhatsApp", "ar"), new() { Exact = true }).CheckAsync();
        await form.GetByLabel(Texts.Get("Coaching.ReachableAt.Evening", "ar")).CheckAsync();
        await form.GetByLabel(Texts.Get("Coaching.Ask.Name", "ar")).FillAsync("هوى 🌸");
        var phone = javaScript ? "+31 6 1234 5678" : "+31 6 8765 4321";
        await form.GetByLabel(Texts.Get("Coaching.Ask.Phone", "ar")).FillAsync(phone);
        await form.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Coaching.Ask.Send", "ar") }).ClickAsync();

        await Expect(form).ToContainTextAsync(Texts.Get("Coaching.Asked.Title", "ar"));
        await FitsAsync(page, "ask-ar-sent", replayable: false);
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.HelpRequests.AnyAsync(r => r.Requester.Name == "هوى 🌸" && r.Requester.Phone == phone.Replace(" ", "")));
    }

    private async Task FitsAsync(IPage page, string name, bool? replayable = null)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320 || page.ViewportSize!.Width > 320, $"{name} is {width}px wide at a 320px viewport ({page.Url})");
        await SeeAsync(page, name, replayable);
    }
}
