using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Journey A of PRODUCT.md from the home page to the status page, for an informal group paid through a host
/// organisation (penvoerder): in Dutch on a desktop, in Arabic on a 320 px phone, in English on a phone, and in Dutch
/// without JavaScript.
/// Every page is checked with axe, also after each htmx swap.
/// </summary>
public sealed partial class ApplicantJourney(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    /// <summary>How the journey is walked: language, screen and whether the browser runs scripts (htmx).</summary>
    private sealed record Walk(string Language, int Width, int Height, bool JavaScript)
    {
        public bool Narrow => Width <= 414; // phones: 320 px (WCAG 1.4.10) up to 414 px (issue 8 §5.1)
        public bool Dutch => Language == "nl";
        public bool Arabic => Language == "ar";
        /// <summary>The language's name in the switch and in the list of answer languages.</summary>
        public string NativeName => Language switch { "nl" => "Nederlands", "en" => "English", "ar" => "العربية", _ => throw new ArgumentException(Language) };
    }

    /// <summary>What the applicant types, in the language they write in.</summary>
    private sealed record Answers(string Title, string Description, string ForWhom, string HowOthersJoin,
        string RoomHire, string Groceries, string GroceriesAmount, string GroupName, string HowOrganised, string ContactName);

    private static readonly Answers DutchAnswers = new(
        Title: "Koken en praten in Hatert",
        Description: "Elke maand koken wij samen met moeders uit de buurt. Na het eten praten wij over opvoeden in twee culturen.",
        ForWhom: "Moeders met jonge kinderen uit Hatert. Nieuwe buren zijn ook welkom.",
        HowOthersJoin: "Wij hangen posters op in het buurthuis. Iedereen mag zonder aanmelden binnenlopen.",
        RoomHire: "Zaal in het buurthuis, 4 avonden",
        Groceries: "Boodschappen voor 4 avonden",
        GroceriesAmount: "325,50",
        GroupName: "Moedergroep Hatert",
        HowOrganised: "Wij zijn tien moeders uit Hatert. Eén moeder houdt het geld bij.",
        ContactName: "Amina");

    private static readonly Answers ArabicAnswers = new(
        Title: "طبخ وحديث في هاتيرت",
        Description: "نطبخ معًا كل شهر مع أمهات من الحي. بعد الأكل نتحدث عن تربية الأطفال بين ثقافتين.",
        ForWhom: "أمهات لديهن أطفال صغار من هاتيرت. الجيران الجدد مرحب بهم أيضًا.",
        HowOthersJoin: "نعلّق ملصقات في مركز الحي. يمكن لأي شخص أن يأتي دون تسجيل.",
        RoomHire: "قاعة في مركز الحي، أربع أمسيات",
        Groceries: "مشتريات لأربع أمسيات",
        // Typed with a decimal point, as on an Arabic keyboard: the portal reads both.
        GroceriesAmount: "325.50",
        GroupName: "مجموعة أمهات هاتيرت",
        HowOrganised: "نحن عشر أمهات من هاتيرت. إحدى الأمهات تحتفظ بالحسابات.",
        ContactName: "أمينة");

    private static readonly Answers EnglishAnswers = new(
        Title: "Cooking and talking in Hatert",
        Description: "Every month we cook together with mothers from the neighbourhood. After dinner we talk about raising children in two cultures.",
        ForWhom: "Mothers with young children from Hatert. New neighbours are welcome too.",
        HowOthersJoin: "We put up posters in the community centre. Anyone may walk in without signing up.",
        RoomHire: "Room in the community centre, 4 evenings",
        Groceries: "Groceries for 4 evenings",
        GroceriesAmount: "325.50",
        GroupName: "Hatert Mothers Group",
        HowOrganised: "We are ten mothers from Hatert. One mother keeps track of the money.",
        ContactName: "Amina");

    [Fact]
    public Task Informal_group_paid_through_a_host_organisation_applies_in_Dutch() =>
        WalkAsync(new Walk("nl", BrowserFixture.DesktopWidth, BrowserFixture.DesktopHeight, JavaScript: true), DutchAnswers);

    [Fact]
    public Task Informal_group_applies_in_Arabic_on_a_320px_screen() =>
        WalkAsync(new Walk("ar", 320, 640, JavaScript: true), ArabicAnswers);

    [Fact]
    public Task Informal_group_applies_in_English_on_a_phone() =>
        WalkAsync(new Walk("en", 390, 844, JavaScript: true), EnglishAnswers);

    [Fact]
    public Task Informal_group_applies_with_javascript_disabled() =>
        WalkAsync(new Walk("nl", BrowserFixture.DesktopWidth, BrowserFixture.DesktopHeight, JavaScript: false), DutchAnswers);

    private async Task WalkAsync(Walk walk, Answers answers)
    {
        await Server.SeedSchemesAsync();
        // A confirmed account (Registration covers registering); an Arabic speaker registered in Arabic.
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "moeder", language: walk.Language);
        var page = await OpenBrowserAsync(walk.Width, walk.Height, walk.JavaScript);
        var lang = walk.Language;

        if (walk.JavaScript) await FindSchemeAndCheckAsync(page, walk);
        else
        {
            // The anonymous part (links, and the quick check's GET forms) has no script to do without; the two other
            // journeys walk it. From the scheme page on, every step is a plain form post here.
            var scheme = new SchemePage(page, lang);
            await page.GotoAsync("/schemes/samen-doen");
            await Expect(scheme.Heading).ToHaveTextAsync("Kleine subsidie Samen Doen");
            await LookAsync(page, walk, "scheme");
            await scheme.Apply.ClickAsync();
        }

        // Applying needs an account: sign in, and the portal comes back to the application.
        var signIn = new SignInPage(page, lang);
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await LookAsync(page, walk, "sign-in");
        await signIn.SignInAsync(applicant.Email, applicant.Password);

        var start = new StartApplicationPage(page, lang);
        await Expect(page).ToHaveURLAsync(new Regex(@"/applications/start\?scheme=samen-doen$"));
        await Expect(start.Heading).ToHaveTextAsync(start.Say("Application.Start.Title"));
        await LookAsync(page, walk, "application-start-no-organisation");
        await start.ToOrganisation.ClickAsync();

        await FillOrganisationAsync(page, walk, answers);

        // Back where the applicant was, with a complete profile.
        await Expect(page).ToHaveURLAsync(new Regex(@"/applications/start\?scheme=samen-doen$"));
        await Expect(start.Main).ToContainTextAsync(answers.GroupName);
        await LookAsync(page, walk, "application-start");
        await start.Begin.ClickAsync();

        await Expect(page).ToHaveURLAsync(TaskListUrl());
        var applicationId = Guid.Parse(TaskListUrl().Match(page.Url).Groups["id"].Value);
        var tasks = new TaskListPage(page, lang);
        await Expect(tasks.StatusOf("TaskList.Activity")).ToHaveTextAsync(tasks.Say("TaskList.Status.NotStarted"));
        await Expect(tasks.StatusOf("TaskList.Check")).ToHaveTextAsync(tasks.Say("TaskList.Status.CannotYet"));
        if (walk.Dutch) await Expect(tasks.StatusOf("TaskList.Activity")).ToHaveTextAsync("Nog niet begonnen");
        await LookAsync(page, walk, "task-list-new");

        // Answers may be written in any language; the application starts in the language of the pages.
        await Expect(tasks.Main).ToContainTextAsync($"{tasks.Say("AnswerLanguage.Label")}: {walk.NativeName}.");
        await tasks.ChangeAnswerLanguage.ClickAsync();
        var answerLanguage = new AnswerLanguagePage(page, lang);
        await Expect(answerLanguage.Heading).ToHaveTextAsync(answerLanguage.Say("AnswerLanguage.Title"));
        await Expect(answerLanguage.Choice(walk.NativeName)).ToBeCheckedAsync();
        await LookAsync(page, walk, "answer-language");
        await answerLanguage.Save.ClickAsync();
        await Expect(page).ToHaveURLAsync(TaskListUrl());
        await tasks.Activity.ClickAsync();

        var startsOn = DateOnly.FromDateTime(DateTime.Today).AddDays(14);
        var endsOn = startsOn.AddDays(14);
        await AnswerActivityAsync(page, walk, answers, startsOn, endsOn);

        await Expect(page).ToHaveURLAsync(TaskListUrl());
        await Expect(tasks.StatusOf("TaskList.Activity")).ToHaveTextAsync(tasks.Say("TaskList.Status.Done"));
        await Expect(tasks.StatusOf("TaskList.Budget")).ToHaveTextAsync(tasks.Say("TaskList.Status.NotStarted"));
        await LookAsync(page, walk, "task-list-activity-done");
        await tasks.Budget.ClickAsync();

        await FillBudgetAsync(page, walk, answers);

        // Every section done; no attachments at this amount (proportionality).
        await Expect(page).ToHaveURLAsync(TaskListUrl());
        await Expect(tasks.StatusOf("TaskList.Activity")).ToHaveTextAsync(tasks.Say("TaskList.Status.Done"));
        await Expect(tasks.StatusOf("TaskList.Budget")).ToHaveTextAsync(tasks.Say("TaskList.Status.Done"));
        await Expect(tasks.StatusOf("TaskList.Attachments")).ToHaveTextAsync(tasks.Say("TaskList.Attachments.NotNeeded"));
        if (walk.Dutch)
        {
            await Expect(tasks.StatusOf("TaskList.Budget")).ToHaveTextAsync("Klaar");
            await Expect(tasks.StatusOf("TaskList.Attachments")).ToHaveTextAsync("Niet nodig bij dit bedrag");
        }
        await LookAsync(page, walk, "task-list-ready");

        if (walk.JavaScript)
        {
            // The group's profile from the task list: complete, paid through the host organisation.
            await tasks.OrganisationLink.ClickAsync();
            var organisation = new OrganisationPages(page, lang);
            await Expect(organisation.Heading).ToHaveTextAsync(organisation.Say("Organisation.Overview.Title"));
            await Expect(organisation.Complete).ToBeVisibleAsync();
            await Expect(organisation.Main).ToContainTextAsync(organisation.Say("Payment.Summary.Host", "Stichting Buurtwerk Zuid"));
            await LookAsync(page, walk, "organisation-summary");
            await page.GoBackAsync();
        }

        await tasks.CheckAndSend.ClickAsync();
        await CheckAndSubmitAsync(page, walk, answers, startsOn, endsOn);

        // Confirmation: the reference, the latest decision date, and an email in the applicant's language.
        var confirmation = new ConfirmationPage(page, lang);
        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{applicationId}/confirmation$"));
        await Expect(confirmation.Reference).ToHaveTextAsync(ReferencePattern());
        var reference = (await confirmation.Reference.InnerTextAsync()).Trim();
        // Dates stand isolated in their sentence (first-strong isolate … pop), so they keep their order in Arabic.
        var decision = "\u2068" + DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 * 8).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(lang)) + "\u2069";
        await Expect(confirmation.Main).ToContainTextAsync(confirmation.Say("Confirmation.Next.Decision", decision));
        if (walk.Dutch)
        {
            await Expect(confirmation.Heading).ToHaveTextAsync("Uw aanvraag is verstuurd");
            await Expect(confirmation.Main).ToContainTextAsync($"U hoort uiterlijk op {decision} of u het geld krijgt.");
        }
        else if (walk.Arabic)
        {
            await Expect(confirmation.Heading).ToHaveTextAsync("تم إرسال طلبكم");
        }
        await LookAsync(page, walk, "confirmation");

        var mail = await Server.Mail.WaitForMailToAsync(applicant.Email);
        Assert.Equal(confirmation.Say("Submission.Email.Submitted.Subject", reference), mail.Subject);
        if (walk.Dutch) Assert.Equal($"Wij hebben uw aanvraag ontvangen: {reference}", mail.Subject);
        if (walk.Arabic) Assert.Equal($"استلمنا طلبكم: {reference}", mail.Subject);
        Assert.Contains(reference, mail.Text);
        Assert.Contains(decision, mail.Text);

        // The one optional question.
        await confirmation.AnswerEaseAsync(4);
        await Expect(confirmation.Thanks).ToBeVisibleAsync();
        if (walk.Dutch) await Expect(confirmation.Thanks).ToHaveTextAsync("Dank u wel voor uw antwoord.");
        await LookAsync(page, walk, "confirmation-thanks");

        // My applications, then the status page with its timeline.
        await confirmation.Menu.GetByRole(AriaRole.Link, new() { Name = confirmation.Say("Nav.Applications"), Exact = true }).ClickAsync();
        var mine = new MyApplicationsPage(page, lang);
        await Expect(mine.Heading).ToHaveTextAsync(mine.Say("MyApplications.Title"));
        await Expect(mine.Cards).ToHaveCountAsync(1);
        await Expect(mine.Card(answers.Title)).ToContainTextAsync(mine.Say("Status.Name.Submitted"));
        await Expect(mine.Card(answers.Title)).ToContainTextAsync(reference);
        if (walk.Dutch) await Expect(mine.Card(answers.Title)).ToContainTextAsync("Verstuurd");
        await LookAsync(page, walk, "my-applications");
        await mine.ViewStatus(answers.Title).ClickAsync();

        var status = new StatusPage(page, lang);
        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{applicationId}/status$"));
        await Expect(status.Main).ToContainTextAsync(reference);
        var nijmegen = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        var today = DateOnly.FromDateTime(nijmegen.DateTime).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(lang));
        await Expect(status.CurrentStep).ToContainTextAsync(status.Say("Status.Event.Submitted"));
        await Expect(status.CurrentStep).ToContainTextAsync(today);
        if (walk.Dutch) await Expect(status.CurrentStep).ToContainTextAsync("U hebt de aanvraag verstuurd");
        if (walk.Arabic) await Expect(status.CurrentStep).ToContainTextAsync("أرسلتم الطلب");
        await LookAsync(page, walk, "status");
    }

    /// <summary>Anonymous: home, catalogue, the scheme and its quick check (all "yes"), then "apply".</summary>
    private async Task FindSchemeAndCheckAsync(IPage page, Walk walk)
    {
        var lang = walk.Language;
        // Home, in the visitor's language: the switch in the header comes first.
        var home = new HomeStartPage(page);
        await home.GotoAsync();
        if (!walk.Dutch)
        {
            await home.SwitchLanguageAsync(walk.NativeName);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", walk.Arabic ? "rtl" : "ltr");
            home = new HomeStartPage(page, lang);
        }
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await LookAsync(page, walk, "applicant-home");
        await home.Schemes.ClickAsync();

        // Catalogue and scheme, anonymous.
        var catalogue = new CataloguePage(page, lang);
        await Expect(catalogue.Heading).ToHaveTextAsync(catalogue.Say("Catalogue.Title"));
        await Expect(catalogue.Card("samen-doen")).ToContainTextAsync(catalogue.Say("Scheme.InformalWelcome"));
        if (walk.Dutch)
        {
            await Expect(catalogue.Heading).ToHaveTextAsync("Geld voor uw activiteit: de regelingen");
            await Expect(catalogue.Card("samen-doen")).ToContainTextAsync("Informele groepen zijn welkom.");
        }
        await LookAsync(page, walk, "catalogue");
        await catalogue.MoreAbout("samen-doen").ClickAsync();

        var scheme = new SchemePage(page, lang);
        await Expect(scheme.Heading).ToHaveTextAsync(scheme.Say("Scheme.samen-doen.Name"));
        if (walk.Dutch) await Expect(scheme.Heading).ToHaveTextAsync("Kleine subsidie Samen Doen");
        await LookAsync(page, walk, "scheme");
        await scheme.StartCheck.ClickAsync();

        // The quick check: five questions, one a page, all "yes".
        var check = new QuickCheckPage(page, lang);
        for (var question = 1; question <= 5; question++)
        {
            await Expect(page).ToHaveURLAsync(new Regex($"/schemes/samen-doen/check/{question}(\\?|$)"));
            await Expect(check.Yes).ToBeVisibleAsync();
            await LookAsync(page, walk, $"quick-check-{question}");
            await check.AnswerYesAsync();
        }
        await Expect(page).ToHaveURLAsync(new Regex("/schemes/samen-doen/check/result"));
        await Expect(check.Heading).ToHaveTextAsync(check.Say("QuickCheck.Result.Yes.Title"));
        if (walk.Dutch) await Expect(check.Heading).ToHaveTextAsync("U kunt waarschijnlijk aanvragen");
        await LookAsync(page, walk, "quick-check-result");
        await check.Apply.ClickAsync();
    }

    /// <summary>From the organisation start page to the payment route; ends where the applicant came from.</summary>
    private async Task FillOrganisationAsync(IPage page, Walk walk, Answers answers)
    {
        var o = new OrganisationPages(page, walk.Language);
        await Expect(o.Heading).ToHaveTextAsync(o.Say("Organisation.Start.Title"));
        await LookAsync(page, walk, "organisation-start");
        await o.Begin.ClickAsync();

        await Expect(o.Name).ToBeVisibleAsync();
        await LookAsync(page, walk, "organisation-new");
        await o.Name.FillAsync(answers.GroupName);
        await o.InformalGroup.CheckAsync();
        await o.SaveAndContinueAsync();

        await Expect(o.HowOrganised).ToBeVisibleAsync();
        await LookAsync(page, walk, "organisation-about");
        await o.HowOrganised.FillAsync(answers.HowOrganised);
        await o.SaveAndContinueAsync();

        await Expect(o.Neighbourhood).ToBeVisibleAsync();
        await LookAsync(page, walk, "organisation-neighbourhood");
        await o.Neighbourhood.SelectOptionAsync(new SelectOptionValue { Label = "Hatert" });
        await o.SaveAndContinueAsync();

        await Expect(o.ContactName).ToBeVisibleAsync();
        await LookAsync(page, walk, "organisation-contact");
        await o.ContactName.FillAsync(answers.ContactName);
        await o.ContactPhone.FillAsync("06 1234 5678");
        await o.SaveAndContinueAsync();

        // An informal group is never asked for a KvK number: the next question is the first application, then the money.
        await Expect(o.FirstApplicationYes).ToBeVisibleAsync();
        await LookAsync(page, walk, "organisation-first-application");
        await o.FirstApplicationYes.CheckAsync();
        await o.SaveAndContinueAsync();

        await Expect(o.HostRoute).ToBeVisibleAsync();
        await LookAsync(page, walk, "organisation-payment");
        await o.HostRoute.CheckAsync();
        await o.HostName.FillAsync("Stichting Buurtwerk Zuid");
        await o.HostContactName.FillAsync("Karin de Vries");
        await o.HostEmail.FillAsync("karin@buurtwerk.example");
        await o.HostAgreement.CheckAsync();
        await o.SaveAndContinueAsync();
    }

    /// <summary>The seven questions about the activity, one a page; ends on the task list.</summary>
    private async Task AnswerActivityAsync(IPage page, Walk walk, Answers answers, DateOnly startsOn, DateOnly endsOn)
    {
        var q = new QuestionPage(page, walk.Language);

        await Expect(q.Title).ToBeVisibleAsync();
        await Expect(q.Help).ToBeVisibleAsync();
        if (walk.Dutch) await Expect(q.Heading).ToHaveTextAsync("Hoe heet uw activiteit?");
        await LookAsync(page, walk, "activity-title");
        await q.Title.FillAsync(answers.Title);
        await q.SaveAndContinueAsync();

        await Expect(q.Description).ToBeVisibleAsync();
        if (walk.Dutch) await Expect(q.Heading).ToHaveTextAsync("Wat gaat u samen doen?");
        await LookAsync(page, walk, "activity-description");
        await q.Description.FillAsync(answers.Description);
        await q.SaveAndContinueAsync();

        await Expect(q.ForWhom).ToBeVisibleAsync();
        await LookAsync(page, walk, "activity-for-whom");
        await q.ForWhom.FillAsync(answers.ForWhom);
        await q.SaveAndContinueAsync();

        await Expect(q.Participants).ToBeVisibleAsync();
        await LookAsync(page, walk, "activity-participants");
        await q.Participants.FillAsync("25");
        await q.SaveAndContinueAsync();

        await Expect(q.Where).ToBeVisibleAsync();
        await LookAsync(page, walk, "activity-where");
        await q.Where.SelectOptionAsync(new SelectOptionValue { Label = "Hatert" });
        await q.SaveAndContinueAsync();

        await Expect(q.StartsOn).ToBeVisibleAsync();
        await LookAsync(page, walk, "activity-when");
        await q.FillDateAsync(q.StartsOn, startsOn);
        await q.FillDateAsync(q.EndsOn, endsOn);
        await q.SaveAndContinueAsync();

        await Expect(q.HowOthersJoin).ToBeVisibleAsync();
        await LookAsync(page, walk, "activity-join");
        await q.HowOthersJoin.FillAsync(answers.HowOthersJoin);
        await q.SaveAndContinueAsync();
    }

    /// <summary>Two cost rows and an own contribution: € 150 + € 325,50 − € 50 = € 425,50 requested, no attachments needed.</summary>
    private async Task FillBudgetAsync(IPage page, Walk walk, Answers answers)
    {
        var budget = new BudgetPage(page, walk.Language);
        await Expect(budget.Heading).ToHaveTextAsync(budget.Say("Budget.Title"));
        await Expect(budget.Main).ToContainTextAsync(budget.Say("Budget.Costs.Empty"));
        await LookAsync(page, walk, "budget-empty");

        await AddCostAsync(page, walk, budget, "Budget.Category.RoomHire", answers.RoomHire, "150");
        await Expect(budget.Costs).ToContainTextAsync(answers.RoomHire);
        if (walk.Dutch) await Expect(budget.Budget).ToContainTextAsync("De kosten zijn toegevoegd.");
        await LookAsync(page, walk, "budget-one-row");

        await AddCostAsync(page, walk, budget, "Budget.Category.FoodAndDrink", answers.Groceries, answers.GroceriesAmount);
        await Expect(budget.Costs).ToContainTextAsync(answers.Groceries);
        await Expect(budget.Costs.Locator("tbody tr")).ToHaveCountAsync(2);
        // The form is empty again for the next row.
        await Expect(budget.Amount).ToHaveValueAsync("");
        await LookAsync(page, walk, "budget-two-rows");

        if (walk.Dutch)
        {
            // A minus sign: refused in plain words, and what was typed stays to be corrected.
            await budget.AddCostAsync("Budget.Category.Publicity", "Posters", "-20");
            await Expect(budget.ErrorSummary).ToContainTextAsync("Schrijf het bedrag zonder minteken.");
            await Expect(budget.Description).ToHaveValueAsync("Posters");
            await Expect(budget.Amount).ToHaveValueAsync("-20");
            await Expect(budget.Amount).ToHaveAttributeAsync("aria-invalid", "true");
            if (walk.JavaScript) await Expect(budget.ErrorSummary).ToBeFocusedAsync();
            await LookAsync(page, walk, "budget-amount-refused", replayable: false);

            // Corrected, added, and removed again: the removal can be undone.
            await budget.Amount.FillAsync("20");
            await budget.AddAsync();
            await Expect(budget.Costs.Locator("tbody tr")).ToHaveCountAsync(3);
            await budget.Costs.Locator("tbody tr").Filter(new() { HasText = "Posters" }).GetByRole(AriaRole.Button).ClickAsync();
            await Expect(budget.Budget).ToContainTextAsync("De regel is verwijderd.");
            await Expect(budget.Undo).ToBeVisibleAsync();
            await Expect(budget.Costs.Locator("tbody tr")).ToHaveCountAsync(2);
            await LookAsync(page, walk, "budget-row-removed");
        }

        await budget.OwnContribution.FillAsync("50");
        if (walk.JavaScript)
        {
            // Leaving the field saves it (htmx) and recomputes the totals in place.
            var post = await page.RunAndWaitForRequestFinishedAsync(() => budget.OwnContribution.PressAsync("Tab"),
                new() { Predicate = r => r.Method == "POST" && r.Url.Contains("handler=Funding", StringComparison.Ordinal) });
            Assert.Equal("true", (await post.AllHeadersAsync()).GetValueOrDefault("hx-request"));
        }
        else
        {
            await budget.SaveFundingAsync();
        }
        await Expect(budget.Summary).ToContainTextAsync(budget.Say("Budget.Fits"));
        if (walk.Dutch)
        {
            await Expect(budget.Summary).ToContainTextAsync(new Regex(@"Totale kosten\s*\u2066?€\s?475,50\u2069?\s*Min uw eigen bijdrage\s*\u2066?€\s?50\b"));
            await Expect(budget.Summary).ToContainTextAsync(new Regex(@"U vraagt\s*\u2066?€\s?425,50\u2069?\s"));
            await Expect(budget.Summary).ToContainTextAsync("U vraagt \u2066€ 425,50\u2069. Dat past.");
            await Expect(budget.Costs.Locator("tfoot")).ToContainTextAsync("\u2066€ 475,50\u2069");
            await Expect(budget.OwnContribution).ToHaveValueAsync(new Regex("^50(,00)?$"));
        }
        await LookAsync(page, walk, "budget-totals");
        await budget.Done.ClickAsync();
    }

    private async Task AddCostAsync(IPage page, Walk walk, BudgetPage budget, string categoryKey, string description, string amount)
    {
        if (!walk.JavaScript)
        {
            // A plain POST, and the whole page again after the redirect.
            await budget.AddCostAsync(categoryKey, description, amount);
            return;
        }
        var post = await page.RunAndWaitForRequestFinishedAsync(() => budget.AddCostAsync(categoryKey, description, amount),
            new() { Predicate = r => r.Method == "POST" && r.Url.Contains("handler=Add", StringComparison.Ordinal) });
        Assert.Equal("true", (await post.AllHeadersAsync()).GetValueOrDefault("hx-request"));
        // After the swap the category list has the focus, ready for the next row.
        await Expect(budget.Category).ToBeFocusedAsync();
    }

    /// <summary>Check your answers: every answer shown, the declaration refused until all three are ticked, then sent.</summary>
    private async Task CheckAndSubmitAsync(IPage page, Walk walk, Answers answers, DateOnly startsOn, DateOnly endsOn)
    {
        var check = new CheckAnswersPage(page, walk.Language);
        await Expect(check.Heading).ToHaveTextAsync(check.Say("Check.Title"));
        await Expect(check.Answer("Check.Activity.Title")).ToHaveTextAsync(answers.Title);
        await Expect(check.Answer("Check.Activity.Description")).ToHaveTextAsync(answers.Description);
        await Expect(check.Answer("Check.Activity.ForWhom")).ToHaveTextAsync(answers.ForWhom);
        await Expect(check.Answer("Check.Activity.Participants")).ToHaveTextAsync("25");
        await Expect(check.Answer("Check.Activity.Where")).ToHaveTextAsync("Hatert (Zuid)");
        var culture = CultureInfo.GetCultureInfo(walk.Language);
        await Expect(check.Answer("Check.Activity.When")).ToHaveTextAsync(
            check.Say("Check.Activity.When.Range", "\u2068" + startsOn.ToString("d MMMM yyyy", culture) + "\u2069",
                "\u2068" + endsOn.ToString("d MMMM yyyy", culture) + "\u2069"));
        await Expect(check.Answer("Check.Activity.Join")).ToHaveTextAsync(answers.HowOthersJoin);
        await Expect(check.Answer("Check.Organisation.Name")).ToHaveTextAsync(answers.GroupName);
        await Expect(check.Answer("Check.Payment")).ToContainTextAsync("Stichting Buurtwerk Zuid");
        await Expect(check.Main.GetByRole(AriaRole.Table)).ToContainTextAsync(answers.RoomHire);
        await Expect(check.Main.GetByRole(AriaRole.Table)).ToContainTextAsync(answers.Groceries);
        if (walk.Dutch)
        {
            await Expect(check.Heading).ToHaveTextAsync("Controleer uw aanvraag");
            await Expect(check.Answer("Check.Payment")).ToHaveTextAsync(
                "Via Stichting Buurtwerk Zuid. Deze organisatie beheert het geld voor u. Contactpersoon: Karin de Vries.");
            await Expect(check.Main.GetByRole(AriaRole.Table)).ToContainTextAsync(new Regex(@"U vraagt\s*\u2066?€\s?425,50"));
        }
        await LookAsync(page, walk, "check-answers");

        // Two of three ticked: refused in plain words, and the two ticks are kept (a plain post either way: once is enough).
        if (!walk.JavaScript)
        {
            await check.DeclareAndSubmitAsync();
            return;
        }
        await check.TrueAndComplete.CheckAsync();
        await check.WillReport.CheckAsync();
        await check.Submit.ClickAsync();
        await Expect(check.ErrorSummary).ToContainTextAsync(check.Say("Check.Declaration.Required"));
        if (walk.Dutch) await Expect(check.ErrorSummary).ToContainTextAsync("Vink alle drie de zinnen aan. Daarna kunt u versturen.");
        await Expect(check.TrueAndComplete).ToBeCheckedAsync();
        await Expect(check.WillReport).ToBeCheckedAsync();
        await Expect(check.MayBeChecked).Not.ToBeCheckedAsync();
        await LookAsync(page, walk, "check-answers-declaration-missing", replayable: false);

        await check.DeclareAndSubmitAsync();
    }

    /// <summary>At 320 px nothing may scroll sideways (WCAG 1.4.10); then the usual look (axe, screenshots).</summary>
    private async Task LookAsync(IPage page, Walk walk, string name, bool? replayable = null)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", walk.Language);
        if (walk.Narrow)
        {
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", walk.Arabic ? "rtl" : "ltr");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= walk.Width, $"{name} ({walk.Language}) is {width}px wide at a {walk.Width}px viewport: it scrolls sideways ({page.Url})");
            // Nothing may be cut off inside a box either: a table that scrolls sideways hides columns (or its "remove"
            // buttons), a clipped box hides the end of an amount ("€ 1.20…", issue 8 §5.1). Any box that clips or
            // scrolls its overflow sideways must fit its content; visually hidden text (1 px boxes) and fields are fine.
            var clipped = await page.EvaluateAsync<string[]>("""
                Array.from(document.querySelectorAll('body *')).filter(e => {
                  if (/^(INPUT|TEXTAREA|SELECT|OPTION|SCRIPT|STYLE)$/.test(e.tagName) || e.clientWidth <= 1) return false;
                  const style = getComputedStyle(e);
                  if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath !== 'none') return false;
                  return /^(hidden|auto|scroll|clip)$/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
                }).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ +/g, '.') : '')
                  + ' ' + e.scrollWidth + '>' + e.clientWidth)
                """);
            Assert.True(clipped.Length == 0,
                $"{name} ({walk.Language}) cuts off content at {walk.Width}px: {string.Join(", ", clipped)} ({page.Url})");
        }
        await SeeAsync(page, walk.JavaScript ? name : name + "-nojs", replayable);
    }

    [GeneratedRegex(@"/applications/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex TaskListUrl();

    [GeneratedRegex(@"^NIJ-\d{4}-\d{5}$")]
    private static partial Regex ReferencePattern();
}
