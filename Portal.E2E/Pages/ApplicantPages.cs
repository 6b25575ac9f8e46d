using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>
/// The portal's UI texts from every resource set (shared, schemes, organisation, application, submission), so the
/// applicant's page objects find labels and buttons in any language. Keys are unique across the sets (a test checks).
/// </summary>
public static class ApplicantTexts
{
    private static readonly ResourceManager[] Sets =
        [.. new[] { typeof(SharedResource), typeof(SchemeText), typeof(OrganisationText), typeof(ApplicationText), typeof(SubmissionText), typeof(ConsentText), typeof(DispatchText) }
            .Select(t => new ResourceManager($"Portal.Resources.{t.Name}", t.Assembly))];

    public static string Get(string key, string language, params object[] arguments)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var text = Sets.Select(s => s.GetString(key, culture)).FirstOrDefault(t => t is not null)
                   ?? throw new KeyNotFoundException($"No text '{key}' for '{language}'");
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }
}

/// <summary>A page of the applicant's journey: <see cref="PortalPage"/> with texts from all resource sets.</summary>
public class ApplicantPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public string Say(string key, params object[] arguments) => ApplicantTexts.Get(key, Language, arguments);

    protected ILocator ButtonOf(string key) => Main.GetByRole(AriaRole.Button, new() { Name = Say(key), Exact = true });
    protected ILocator LinkOf(string key, params object[] arguments) => Main.GetByRole(AriaRole.Link, new() { Name = Say(key, arguments), Exact = true });
    protected ILocator FieldOf(string key) => Main.GetByLabel(Say(key), new() { Exact = true });
    protected ILocator RadioOf(string key) => Main.GetByRole(AriaRole.Radio, new() { Name = Say(key), Exact = true });
    protected ILocator CheckboxOf(string key) => Main.GetByRole(AriaRole.Checkbox, new() { Name = Say(key), Exact = true });

    /// <summary>The htmx live region in the layout: what a screen reader hears after a swap.</summary>
    public ILocator LiveStatus => Page.Locator("#live-status");
}

public sealed class HomeStartPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Schemes => LinkOf("Catalogue.Home.Link");
    public Task GotoAsync() => Page.GotoAsync("/");
}

public sealed class CataloguePage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public Task GotoAsync() => Page.GotoAsync("/schemes");
    public ILocator Card(string slug) => Main.Locator($"[data-scheme='{slug}']");
    public ILocator MoreAbout(string slug) => LinkOf("Catalogue.More", Say($"Scheme.{slug}.Name"));
}

public sealed class SchemePage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    /// <summary>The page offers the check at the top and again at the end; the first is what a reader meets.</summary>
    public ILocator StartCheck => LinkOf("Scheme.Start.Check").First;
    public ILocator Apply => LinkOf("Scheme.Start.Apply").First;
}

/// <summary>One yes/no question of the anonymous quick check, and its result page.</summary>
public sealed class QuickCheckPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Yes => RadioOf("QuickCheck.Answer.Yes");
    public ILocator No => RadioOf("QuickCheck.Answer.No");
    /// <summary>"Wijzigen" beside the answer to question <paramref name="number"/> on the result.</summary>
    public ILocator Change(int number) => Main.Locator($"dd a[href*='/check/{number}?']");

    public ILocator Continue => Main.GetByRole(AriaRole.Button, new()
    {
        NameRegex = new Regex($"^({Regex.Escape(Say("QuickCheck.Next"))}|{Regex.Escape(Say("QuickCheck.Finish"))})$"),
    });

    public async Task AnswerYesAsync()
    {
        await Yes.CheckAsync();
        await Continue.ClickAsync();
    }

    public ILocator Apply => LinkOf("Scheme.Start.Apply");
}

public sealed class StartApplicationPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public Task GotoAsync(string slug) => Page.GotoAsync($"/applications/start?scheme={slug}");
    public ILocator ToOrganisation => LinkOf("Application.Start.ToOrganisation");
    public ILocator Begin => ButtonOf("Application.Start.Button");
}

/// <summary>The organisation profile: start page, one question per page, summary.</summary>
public sealed class OrganisationPages(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Begin => LinkOf("Organisation.Start.Begin");
    public ILocator Name => FieldOf("Organisation.Name.Label");
    public ILocator InformalGroup => RadioOf("Organisation.Kind.InformalGroup");
    public ILocator HowOrganised => FieldOf("Organisation.About.Label");
    public ILocator Neighbourhood => FieldOf("Organisation.Neighbourhood.Label");
    public ILocator ContactName => FieldOf("Organisation.Contact.Name");
    public ILocator ContactPhone => FieldOf("Organisation.Contact.Phone");
    public ILocator FirstApplicationYes => RadioOf("Organisation.Yes");
    public ILocator HostRoute => RadioOf("Payment.Host");
    public ILocator HostName => FieldOf("Payment.HostName");
    public ILocator HostContactName => FieldOf("Payment.HostContactName");
    public ILocator HostEmail => FieldOf("Payment.HostEmail");
    public ILocator HostAgreement => CheckboxOf("Payment.HostAgreement");
    public ILocator Complete => Main.GetByText(Say("Organisation.Status.Complete"), new() { Exact = true });

    public Task SaveAndContinueAsync() => ButtonOf("Organisation.SaveAndContinue").ClickAsync();
}

public sealed class TaskListPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Activity => LinkOf("TaskList.Activity");
    public ILocator Budget => LinkOf("TaskList.Budget");
    public ILocator CheckAndSend => LinkOf("TaskList.Check");
    public ILocator OrganisationLink => Main.Locator("a[href='/organisation']");
    public ILocator ChangeAnswerLanguage => Main.Locator("a[href$='/answer-language']");

    /// <summary>The status shown beside a section of the task list, e.g. "Klaar".</summary>
    public ILocator StatusOf(string sectionKey) =>
        Main.Locator("ol.task-list > li").Filter(new() { HasText = Say(sectionKey) }).Locator("strong");
}

/// <summary>"In which language do you write your answers?"</summary>
public sealed class AnswerLanguagePage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Choice(string nativeName) => Main.GetByRole(AriaRole.Radio, new() { Name = nativeName, Exact = true });
    public ILocator Save => ButtonOf("AnswerLanguage.Save");
}

/// <summary>A question about the activity (one per page), with its autosave status.</summary>
public sealed class QuestionPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Title => FieldOf("Activity.Title.Label");
    public ILocator Description => FieldOf("Activity.Description.Label");
    public ILocator ForWhom => FieldOf("Activity.ForWhom.Label");
    public ILocator Participants => FieldOf("Activity.Participants.Label");
    public ILocator Where => FieldOf("Activity.Where.Label");
    /// <summary>The first day: a group of three fields, dag, maand, jaar.</summary>
    public ILocator StartsOn => Main.GetByRole(AriaRole.Group, new() { Name = Say("Activity.When.Start"), Exact = true });
    public ILocator EndsOn => Main.GetByRole(AriaRole.Group, new() { Name = Say("Activity.When.End"), Exact = true });
    public ILocator HowOthersJoin => FieldOf("Activity.Join.Label");
    public ILocator Help => Main.GetByText(Say("Answer.Help.Title"), new() { Exact = true });

    /// <summary>The htmx swap target of the autosave (its id is part of the page's contract).</summary>
    public ILocator AutosaveStatus => Page.Locator("#autosave-status");

    public Task SaveAndContinueAsync() => ButtonOf("Answer.SaveAndContinue").ClickAsync();
    public Task SaveAndLaterAsync() => ButtonOf("Answer.SaveAndLater").ClickAsync();

    /// <summary>Types a day into one date's three fields, the way a person does: "14", "6", "2027".</summary>
    public async Task FillDateAsync(ILocator date, DateOnly day)
    {
        await date.GetByLabel(Say("Date.Day"), new() { Exact = true }).FillAsync(day.Day.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel(Say("Date.Month"), new() { Exact = true }).FillAsync(day.Month.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel(Say("Date.Year"), new() { Exact = true }).FillAsync(day.Year.ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class BudgetPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Category => FieldOf("Budget.Category");
    public ILocator Description => FieldOf("Budget.Description");
    public ILocator Amount => FieldOf("Budget.Amount");
    public ILocator OwnContribution => FieldOf("Budget.OwnContribution");
    public ILocator OtherFunding => FieldOf("Budget.OtherFunding");
    public ILocator Costs => Main.GetByRole(AriaRole.Table);

    /// <summary>The htmx swap targets (part of the page's contract).</summary>
    public ILocator Budget => Page.Locator("#budget");
    public ILocator Summary => Page.Locator("#budget-summary");
    public ILocator Done => LinkOf("Budget.Done");

    public async Task AddCostAsync(string categoryKey, string description, string amount)
    {
        await Category.SelectOptionAsync(new SelectOptionValue { Label = Say(categoryKey) });
        await Description.FillAsync(description);
        await Amount.FillAsync(amount);
        await AddAsync();
    }

    public Task AddAsync() => ButtonOf("Budget.Add.Button").ClickAsync();
    public ILocator Undo => ButtonOf("Budget.Undo");

    public Task SaveFundingAsync() => ButtonOf("Budget.Funding.Button").ClickAsync();
}

public sealed class AttachmentsPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public Task GotoAsync(Guid applicationId) => Page.GotoAsync($"/applications/{applicationId}/attachments");

    /// <summary>The section for one kind of document ("Attachment.Kind.BudgetPlan"), named by its heading.</summary>
    public ILocator Section(string kindKey) => Main.GetByRole(AriaRole.Region, new() { Name = Say(kindKey), Exact = true });

    public async Task UploadAsync(string kindKey, FilePayload file)
    {
        await Section(kindKey).Locator("input[type=file]").SetInputFilesAsync(file);
        await UploadButton(kindKey).ClickAsync();
    }

    public async Task UploadAsync(string kindKey, string path)
    {
        await Section(kindKey).Locator("input[type=file]").SetInputFilesAsync(path);
        await UploadButton(kindKey).ClickAsync();
    }

    private ILocator UploadButton(string kindKey) =>
        Section(kindKey).GetByRole(AriaRole.Button, new() { Name = Say("Attachment.Upload"), Exact = true });
}

public sealed class CheckAnswersPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator TrueAndComplete => CheckboxOf("Check.Declaration.TrueAndComplete");
    public ILocator WillReport => CheckboxOf("Check.Declaration.WillReport");
    public ILocator MayBeChecked => CheckboxOf("Check.Declaration.MayBeChecked");
    public ILocator Submit => ButtonOf("Check.Submit");
    /// <summary>Wmebv: may decisions come by email? "Dispatch.Ask.Yes" or "Dispatch.Ask.No".</summary>
    public ILocator DecisionsBy(string answerKey) => RadioOf(answerKey);

    /// <summary>The answer shown under a question of "Uw activiteit", e.g. "Check.Activity.Title".</summary>
    public ILocator Answer(string labelKey) =>
        Main.Locator("dt").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(Say(labelKey)) + "$") }).Locator("xpath=following-sibling::dd[1]");

    public async Task DeclareAndSubmitAsync(bool decisionsByEmail = true)
    {
        await TrueAndComplete.CheckAsync();
        await WillReport.CheckAsync();
        await MayBeChecked.CheckAsync();
        await DecisionsBy(decisionsByEmail ? "Dispatch.Ask.Yes" : "Dispatch.Ask.No").CheckAsync();
        await Submit.ClickAsync();
    }
}

public sealed class ConfirmationPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Reference => Main.Locator(".reference");
    public ILocator StatusLink => LinkOf("Confirmation.StatusLink");
    public ILocator Thanks => Main.GetByText(Say("Feedback.Thanks"), new() { Exact = true });

    public async Task AnswerEaseAsync(int score)
    {
        await RadioOf($"Feedback.Score.{score}").CheckAsync();
        await ButtonOf("Feedback.Submit").ClickAsync();
    }
}

public sealed class MyApplicationsPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Cards => Main.Locator("ul.card-list > li");
    public ILocator Card(string title) => Cards.Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });
    /// <summary>The card's own "view the status" link (its hidden text names the application).</summary>
    public ILocator ViewStatus(string title) => Card(title).GetByRole(AriaRole.Link, new() { Name = Say("MyApplications.ViewStatus") });
}

public sealed class StatusPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Timeline => Main.Locator("ol.timeline");
    public ILocator CurrentStep => Timeline.Locator("li[aria-current=step]");
}
