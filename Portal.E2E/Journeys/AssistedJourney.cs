using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// A coach applies for Amina, who is not online: starts with her spoken consent, fills in the group and the activity,
/// prints the authorisation in Arabic, uploads the signed scan, sends in for her, and hands over a printed code with
/// which Amina, once she has an account, takes her group over. Every page is looked at (axe, valid HTML).
/// </summary>
public sealed partial class AssistedJourney(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    private const string Person = "Amina Yusuf";
    private const string CoachName = "Fatima el Amrani";

    [Fact]
    public async Task A_coach_applies_for_someone_who_is_not_online_and_the_person_takes_over_with_a_printed_code()
    {
        await Server.SeedSchemesAsync();
        var coachAccount = await Server.CreateAccountAsync(Roles.Coach, "coach", authenticatorKey: Totp.NewKey());
        var page = await OpenBrowserAsync();
        await SignInAsAsync(page, coachAccount);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("U bent ingelogd.");

        await page.GotoAsync("/coach/assisted");
        var a = new AssistedPages(page);
        await Expect(a.Heading).ToHaveTextAsync(a.Text("Assisted.Index.Title"));
        await SeeAsync(page, "assisted-list");
        await a.LinkTo("Assisted.Index.Start").ClickAsync();

        // Sent empty: every question says what is missing, nothing is made.
        await Expect(a.Heading).ToHaveTextAsync(a.Text("Assisted.New.Title"));
        await SeeAsync(page, "assisted-new");
        await a.ButtonFor("Assisted.New.Submit").ClickAsync();
        await Expect(a.ErrorSummary).ToContainTextAsync(a.Text("Assisted.PersonName.Required"));
        await SeeAsync(page, "assisted-new-errors", replayable: false);

        await a.FieldFor("Assisted.PersonName.Label").FillAsync(Person);
        await a.Choice("Assisted.Language.ar").CheckAsync();
        await a.FieldFor("Organisation.Name.Label").FillAsync("Vrouwengroep Hatert");
        await a.Choice("Organisation.Kind.InformalGroup").CheckAsync();
        await a.FieldFor("Organisation.Neighbourhood.Label").SelectOptionAsync(new SelectOptionValue { Label = "Hatert" });
        await a.Main.GetByRole(AriaRole.Radio, new() { Name = a.Say("Scheme.samen-doen.Name"), Exact = true }).CheckAsync();
        await a.Choice("Assisted.Consent.ByPhone").CheckAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await a.FieldFor("Assisted.Date.Day").FillAsync(yesterday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await a.FieldFor("Assisted.Date.Month").FillAsync(yesterday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await a.FieldFor("Assisted.Date.Year").FillAsync(yesterday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await a.FieldFor("Assisted.CoachName.Label").FillAsync(CoachName);
        await a.ButtonFor("Assisted.New.Submit").ClickAsync();

        await Expect(a.Heading).ToHaveTextAsync(a.Text("Assisted.Details.Title", Person));
        var details = page.Url;
        await SeeAsync(page, "assisted-details");

        // The group's money goes through a host organisation: the ordinary payment page, under the assisting grant.
        var profile = await a.LinkTo("Assisted.Details.Profile").GetAttributeAsync("href");
        await page.GotoAsync(profile + "/payment");
        var o = new OrganisationPages(page);
        await o.HostRoute.CheckAsync();
        await o.HostName.FillAsync("Stichting Buurtwerk Zuid");
        await o.HostContactName.FillAsync("Karin de Vries");
        await o.HostEmail.FillAsync("karin@buurtwerk.example");
        await o.HostAgreement.CheckAsync();
        await SeeAsync(page, "assisted-organisation-payment");
        await o.SaveAndContinueAsync();
        await Expect(o.Heading).ToHaveTextAsync(o.Say("Organisation.Overview.Title"));
        await SeeAsync(page, "assisted-organisation");

        await page.GotoAsync(details);
        await a.LinkTo("Assisted.Details.Answers").ClickAsync();
        var tasks = new TaskListPage(page);
        await Expect(tasks.Activity).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-task-list");
        await tasks.Activity.ClickAsync();
        await AnswerActivityAsync(page);
        await Expect(tasks.Budget).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-task-list-activity-done");
        await tasks.Budget.ClickAsync();
        var budget = new BudgetPage(page);
        await Expect(budget.Amount).ToBeVisibleAsync();
        await budget.AddCostAsync("Budget.Category.FoodAndDrink", "Boodschappen voor de iftar", "400");
        await Expect(budget.Costs).ToContainTextAsync("Boodschappen voor de iftar");
        await SeeAsync(page, "assisted-budget");

        // Not yet: the submit waits for the signed authorisation.
        await page.GotoAsync(details);
        await Expect(a.Main).ToContainTextAsync(a.Text("Assisted.Submit.AuthorisationMissing"));
        await Expect(a.ButtonFor("Assisted.Submit.Button", Person)).ToHaveCountAsync(0);
        await SeeAsync(page, "assisted-details-complete");

        await a.LinkTo("Assisted.Authorisation.Print").ClickAsync();
        var sheet = page.Locator("article[lang=ar][dir=rtl]");
        await Expect(sheet).ToContainTextAsync("إذن بتقديم طلب نيابةً عني");
        await SeeAsync(page, "assisted-authorisation");
        await page.GotoAsync(details);
        await a.LinkTo("Assisted.Details.PrintAnswers").ClickAsync();
        await Expect(sheet).ToContainTextAsync("توقيع " + Person);
        await SeeAsync(page, "assisted-answers");

        await page.GotoAsync(details);
        await page.Locator("#Authorisation").SetInputFilesAsync(new FilePayload
        {
            Name = "machtiging-amina.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray(),
        });
        await a.ButtonFor("Assisted.Authorisation.UploadButton").ClickAsync();
        await Expect(a.Main).ToContainTextAsync(a.Text("Assisted.Authorisation.Uploaded"));
        // The default: the coach hears, and Amina gets a letter in her hand.
        await Expect(a.Choice("Assisted.Updates.Both")).ToBeCheckedAsync();
        await Expect(a.Choice("Assisted.Channel.LetterHandedOver")).ToBeCheckedAsync();
        await SeeAsync(page, "assisted-ready-to-send");

        await a.ButtonFor("Assisted.Submit.Button", Person).ClickAsync();
        await Expect(a.ErrorSummary).ToContainTextAsync(a.Text("Assisted.Submit.Declaration"));
        await SeeAsync(page, "assisted-declaration-missing", replayable: false);
        await a.Checkbox("Assisted.Submit.DeclarationLabel", Person).CheckAsync();
        await a.ButtonFor("Assisted.Submit.Button", Person).ClickAsync();
        await Expect(a.Main).ToContainTextAsync(new Regex($"Verstuurd door coach {CoachName} voor {Person}\\. Nummer NIJ-\\d{{4}}-\\d{{5}}"));
        await SeeAsync(page, "assisted-sent");

        await a.LinkTo("Assisted.Letter.Print").ClickAsync();
        await Expect(sheet).ToContainTextAsync("ملأه لكم " + CoachName);
        await SeeAsync(page, "assisted-letter");

        await page.GotoAsync(details);
        await a.LinkTo("Assisted.Takeover.Make").ClickAsync();
        await SeeAsync(page, "assisted-code");
        await a.ButtonFor("Assisted.Takeover.MakeButton").ClickAsync();
        var code = (await a.TakeoverCode.InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$", code);
        await SeeAsync(page, "assisted-code-sheet", replayable: false);

        // Amina makes an account and takes her group over with the code from the paper.
        var amina = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var hers = await OpenBrowserAsync();
        var herSignIn = new SignInPage(hers);
        await herSignIn.GotoAsync();
        await SeeAsync(hers, "sign-in-person");
        await herSignIn.SignInAsync(amina.Email, amina.Password);
        await Expect(herSignIn.Main).ToContainTextAsync("U bent ingelogd.");
        await SeeAsync(hers, "signed-in-person");
        await hers.GotoAsync("/assisted/take-over");
        var takeOver = new AssistedPages(hers);
        await Expect(takeOver.Heading).ToHaveTextAsync(takeOver.Text("Assisted.Claim.Title"));
        await SeeAsync(hers, "assisted-take-over");
        await takeOver.FieldFor("Assisted.Claim.CodeLabel").FillAsync(code.ToLowerInvariant());
        await takeOver.ButtonFor("Assisted.Claim.Button").ClickAsync();
        await Expect(takeOver.Heading).ToHaveTextAsync(takeOver.Say("Organisation.Overview.Title"));
        await SeeAsync(hers, "assisted-taken-over");

        // The coach's assisting access has ended.
        var response = await page.GotoAsync(details);
        Assert.Equal(404, response!.Status);
        await SeeAsync(page, "assisted-ended");
    }

    private async Task AnswerActivityAsync(IPage page)
    {
        var q = new QuestionPage(page);
        await Expect(q.Title).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-activity-title");
        await q.Title.FillAsync("Iftar voor de buurt");
        await q.SaveAndContinueAsync();
        await Expect(q.Description).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-activity-description");
        await q.Description.FillAsync("Wij eten samen met de buren als de zon ondergaat.");
        await q.SaveAndContinueAsync();
        await Expect(q.ForWhom).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-activity-for-whom");
        await q.ForWhom.FillAsync("Vrouwen uit Hatert en hun gezinnen");
        await q.SaveAndContinueAsync();
        await Expect(q.Participants).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-activity-participants");
        await q.Participants.FillAsync("40");
        await q.SaveAndContinueAsync();
        await Expect(q.Where).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-activity-where");
        await q.Where.SelectOptionAsync(new SelectOptionValue { Label = "Hatert" });
        await q.SaveAndContinueAsync();
        await Expect(q.StartsOn).ToBeVisibleAsync();
        await SeeAsync(page, "assisted-activity-when");
        await q.FillDateAsync(q.StartsOn, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40));
        await q.SaveAndContinueAsync();
        await Expect(q.HowOthersJoin).ToBeVisibleAsync();
        await q.HowOthersJoin.FillAsync("Iedereen uit de buurt is welkom.");
        await SeeAsync(page, "assisted-activity-join");
        await q.SaveAndContinueAsync();
    }
}
