using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>"Nothing is lost" (issue 3, points 5 and 7): refused files leave the rest of the application as it was; typed text is
/// autosaved, and survives an expired session also without JavaScript.</summary>
public sealed partial class ApplicantNothingLost(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task Oversized_and_disguised_files_are_refused_and_the_other_answers_are_kept()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "bijlagen");
        // € 1.500 asked: above € 1.000, so an activity plan is needed (the typed budget is the budget plan).
        var id = await ApplicantData.DraftAsync(Server, applicant, activity: true, 600, 900);
        var page = await OpenBrowserAsync();
        await SignInAsync(page, applicant);

        var attachments = new AttachmentsPage(page);
        await attachments.GotoAsync(id);
        await Expect(attachments.Heading).ToHaveTextAsync("Bijlagen");
        await Expect(attachments.Main).ToContainTextAsync("U vraagt \u2066€ 1.500\u2069. Bij dit bedrag hebben wij deze bestanden nodig.");
        await Expect(attachments.Section("Attachment.Kind.ActivityPlan")).ToContainTextAsync("U hebt nog geen bestand toegevoegd.");
        await Expect(attachments.Section("Attachment.Kind.BudgetPlan")).ToContainTextAsync("U hoeft die niet als bestand te sturen.");
        await SeeAsync(page, "attachments");

        // 11 MB that looks like a PDF: with JavaScript it is stopped before it is sent, in the server's own words, and
        // the page is all still there. Without JavaScript, a 40 MB file is sent and the server refuses it on the page.
        // (Files on disk: the browser reads them itself, instead of megabytes crossing Playwright's pipe.)
        var folder = Directory.CreateTempSubdirectory("portal-e2e-");
        try
        {
            var oversized = LargePdf(folder, "begroting-groot.pdf", 11);
            var uploads = 0;
            page.Request += (_, request) => { if (request.Method == "POST") uploads++; };
            await attachments.UploadAsync("Attachment.Kind.ActivityPlan", oversized);
            var activityPlan = attachments.Section("Attachment.Kind.ActivityPlan");
            await Expect(activityPlan).ToContainTextAsync("Dit bestand is \u206811 MB\u2069. Een bestand mag hoogstens 10 MB zijn.");
            await Expect(activityPlan.Locator("input[type=file]")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(activityPlan.Locator("input[type=file]")).ToBeFocusedAsync();
            Assert.Equal(0, uploads);
            await Expect(attachments.Section("Attachment.Kind.BudgetPlan")).ToBeVisibleAsync();
            await Expect(attachments.Heading).ToHaveTextAsync("Bijlagen");
            await SeeAsync(page, "attachments-too-large-before-sending", replayable: false);

            var scriptless = await OpenBrowserAsync(javaScript: false);
            await SignInAsync(scriptless, applicant);
            var plain = new AttachmentsPage(scriptless);
            await plain.GotoAsync(id);
            await SeeAsync(scriptless, "attachments-no-js");
            await plain.UploadAsync("Attachment.Kind.ActivityPlan", LargePdf(folder, "filmpje.pdf", 40));
            await Expect(plain.ErrorSummary).ToContainTextAsync("Dit bestand is \u206840 MB\u2069. Een bestand mag hoogstens 10 MB zijn.");
            await Expect(plain.Section("Attachment.Kind.ActivityPlan")).ToContainTextAsync("Een bestand mag hoogstens 10 MB zijn.");
            await Expect(plain.Section("Attachment.Kind.ActivityPlan").Locator("input[type=file]")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(plain.Section("Attachment.Kind.BudgetPlan")).ToBeVisibleAsync();
            await SeeAsync(scriptless, "attachments-too-large", replayable: false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // A program renamed to begroting.pdf: its first bytes give it away.
        var program = new byte[4096];
        "MZ"u8.CopyTo(program);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(program, 78);
        await attachments.UploadAsync("Attachment.Kind.ActivityPlan", new FilePayload { Name = "begroting.pdf", MimeType = "application/pdf", Buffer = program });
        await Expect(attachments.ErrorSummary).ToContainTextAsync("De inhoud van dit bestand past niet bij de naam. Misschien is het een programma.");
        await Expect(attachments.Section("Attachment.Kind.ActivityPlan")).ToContainTextAsync("U hebt nog geen bestand toegevoegd.");
        await Expect(attachments.Section("Attachment.Kind.BudgetPlan")).ToBeVisibleAsync();
        await SeeAsync(page, "attachments-disguised", replayable: false);

        // A real (small) PDF is accepted and listed, with a link that downloads it.
        await attachments.UploadAsync("Attachment.Kind.ActivityPlan", new FilePayload { Name = "begroting.pdf", MimeType = "application/pdf", Buffer = SmallPdf() });
        await Expect(attachments.Main).ToContainTextAsync("Het bestand is toegevoegd.");
        var link = attachments.Section("Attachment.Kind.ActivityPlan").GetByRole(AriaRole.Link, new() { Name = "begroting.pdf", Exact = true });
        await Expect(link).ToBeVisibleAsync();
        await Expect(attachments.ErrorSummary).ToHaveCountAsync(0);
        await SeeAsync(page, "attachments-added");
        var download = await page.Context.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, download.Status);
        Assert.StartsWith("%PDF-1.4", Encoding.ASCII.GetString(await download.BodyAsync()));

        // The other answers are as they were: on the check page, and in the database (no refused file was stored).
        await page.GotoAsync($"/applications/{id}/check");
        var check = new CheckAnswersPage(page);
        await Expect(check.Answer("Check.Activity.Title")).ToHaveTextAsync(ApplicantData.Title);
        await Expect(check.Answer("Check.Activity.Description")).ToHaveTextAsync(ApplicantData.Description);
        await Expect(check.Answer("Check.Activity.Join")).ToHaveTextAsync(ApplicantData.HowOthersJoin);
        await Expect(check.Main.GetByRole(AriaRole.Table)).ToContainTextAsync(new Regex(@"U vraagt\s*\u2066?€\s?1\.500"));
        await Expect(check.Main).ToContainTextAsync("begroting.pdf");
        await SeeAsync(page, "check-answers-one-attachment");

        var stored = await ApplicantData.LoadAsync(Server, id);
        Assert.Equal(ApplicantData.Description, stored.Description);
        Assert.Equal(2, stored.BudgetLines.Count);
        Assert.Equal("begroting.pdf", Assert.Single(stored.Attachments).FileName);
    }

    [Fact]
    public async Task Typed_answer_is_autosaved_and_is_there_after_a_reload()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "autosave");
        var id = await ApplicantData.DraftAsync(Server, applicant, activity: false);
        var page = await OpenBrowserAsync();
        await SignInAsync(page, applicant);

        var question = new QuestionPage(page);
        await page.GotoAsync($"/applications/{id}/activity/description");
        await Expect(question.Heading).ToHaveTextAsync("Wat gaat u samen doen?");
        await Expect(question.Description).ToHaveValueAsync("");
        await SeeAsync(page, "activity-description-empty");

        // Typing, then a pause: htmx saves and swaps the status line, which the live region reads out.
        const string typed = "Wij koken samen met buren en praten over de buurt.";
        await question.Description.PressSequentiallyAsync(typed);
        await Expect(question.AutosaveStatus).ToHaveTextAsync(SavedAt());
        await Expect(question.LiveStatus).ToHaveTextAsync(SavedAt());
        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{id}/activity/description$"));
        await SeeAsync(page, "activity-description-autosaved");

        // Saved on the server: after a reload the text is there, and not as the browser's own copy ("we put your text back").
        Assert.Equal(typed, (await ApplicantData.LoadAsync(Server, id)).Description);
        await page.ReloadAsync();
        await Expect(question.Description).ToHaveValueAsync(typed);
        await Expect(page.Locator("[data-draft-restored]")).ToBeHiddenAsync();
        await Expect(question.AutosaveStatus).ToHaveTextAsync("");
        await SeeAsync(page, "activity-description-reloaded");
    }

    [Fact]
    public async Task Save_and_continue_pressed_before_the_autosave_answer_is_back_is_not_a_conflict()
    {
        // Issue 8 §5.9: on a slow phone connection the autosave is saved, but its answer comes back after the applicant
        // has already pressed "Opslaan en verder". That is this tab's own save, not a change made elsewhere.
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "traag");
        var id = await ApplicantData.DraftAsync(Server, applicant, activity: false);
        var page = await OpenBrowserAsync();
        await SignInAsync(page, applicant);
        var saved = new TaskCompletionSource();
        await page.RouteAsync("**/activity/description?handler=Autosave", async route =>
        {
            var response = await route.FetchAsync();
            saved.TrySetResult();
            await Task.Delay(2000);
            try { await route.FulfillAsync(new RouteFulfillOptions { Response = response }); }
            catch (PlaywrightException) { /* the page has moved on, as it should */ }
        });

        var question = new QuestionPage(page);
        await page.GotoAsync($"/applications/{id}/activity/description");
        await SeeAsync(page, "activity-description-slow");
        await question.Description.FillAsync("Wij koken samen");
        await question.Description.DispatchEventAsync("change");
        await saved.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await question.Description.FillAsync("Wij koken samen met buren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{id}/activity/for-whom$"));
        await SeeAsync(page, "activity-for-whom-after-slow-autosave");
        Assert.Equal("Wij koken samen met buren", (await ApplicantData.LoadAsync(Server, id)).Description);
    }

    [Fact]
    public async Task Without_JavaScript_an_answer_saved_after_the_session_expired_is_saved_after_signing_in_again()
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "verlopen");
        var id = await ApplicantData.DraftAsync(Server, applicant, activity: false);
        var page = await OpenBrowserAsync(javaScript: false);
        await SignInAsync(page, applicant);

        var question = new QuestionPage(page);
        await page.GotoAsync($"/applications/{id}/activity/description");
        const string typed = "Wij koken samen. نطبخ معًا 🍲";
        await question.Description.FillAsync(typed);
        // The volunteer went to make tea: more than 30 minutes pass before "save and continue".
        await Server.ExpireSessionAsync(page.Context);
        await question.SaveAndContinueAsync();

        var signIn = new SignInPage(page);
        await Expect(signIn.Heading).ToHaveTextAsync("Inloggen");
        await Expect(signIn.Main).ToContainTextAsync("Wij hebben bewaard wat u typte. Log opnieuw in. Dan slaan wij het meteen op.");
        await SeeAsync(page, "sign-in-kept-form", replayable: false);
        Assert.Null((await ApplicantData.LoadAsync(Server, id)).Description);

        await signIn.SignInAsync(applicant.Email, applicant.Password);
        // Signed in again: the answer is saved and the next question opens, as the button promised.
        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{id}/activity/for-whom$"));
        await Expect(question.Heading).ToHaveTextAsync("Voor wie is de activiteit?");
        await SeeAsync(page, "kept-form-saved", replayable: false);
        Assert.Equal(typed, (await ApplicantData.LoadAsync(Server, id)).Description);

        await page.GotoAsync($"/applications/{id}/activity/description");
        await Expect(question.Description).ToHaveValueAsync(typed);
        await SeeAsync(page, "kept-form-reopened");
    }

    [Theory]
    [InlineData("nl", 1280)]
    [InlineData("ar", 320)]
    public async Task A_form_the_server_refuses_says_it_was_not_saved_shows_what_was_typed_and_sends_it_again(string language, int width)
    {
        var applicant = await Server.CreateAccountAsync(Roles.Applicant, "geweigerd");
        var id = await ApplicantData.DraftAsync(Server, applicant, activity: false);
        var page = await OpenBrowserAsync(width, javaScript: false);
        await SignInAsync(page, applicant);
        if (language != "nl") await new PortalPage(page).SwitchLanguageAsync(Portal.Domain.Languages.Languages.Get(language).NativeName);
        var question = new QuestionPage(page, language);
        await page.GotoAsync($"/applications/{id}/activity/description");
        const string typed = "Wij koken samen. نطبخ معًا 🍲";
        await question.Description.FillAsync(typed);

        // Something between the browser and us spoils the form (a NUL character): the server cannot read it.
        await page.RouteAsync("**/activity/description", async route =>
        {
            if (route.Request.Method == "POST") await route.ContinueAsync(new() { PostData = Encoding.UTF8.GetBytes(route.Request.PostData + "%00") });
            else await route.ContinueAsync();
        });
        await question.SaveAndContinueAsync();
        await page.UnrouteAllAsync();

        var error = new PortalPage(page, language);
        await Expect(error.Main).ToContainTextAsync(Texts.Get("Error.NotSaved", language));
        await Expect(error.Main).ToContainTextAsync(typed);
        await SeeAsync(page, $"form-not-saved-{language}", replayable: false);
        Assert.Null((await ApplicantData.LoadAsync(Server, id)).Description);

        await error.Main.GetByRole(AriaRole.Button, new() { Name = Texts.Get("Error.NotSaved.SendAgain", language) }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{id}/activity/for-whom$"));
        await SeeAsync(page, $"form-sent-again-{language}", replayable: false);
        Assert.Equal(typed, (await ApplicantData.LoadAsync(Server, id)).Description);
    }

    private async Task SignInAsync(IPage page, TestAccount account)
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await SeeAsync(page, "sign-in");
        await signIn.SignInAsync(account.Email, account.Password);
        await Expect(signIn.SignOutButton).ToBeVisibleAsync();
        await SeeAsync(page, "home-signed-in");
    }

    /// <summary>A file of <paramref name="megabytes"/> MB that starts like a PDF.</summary>
    private static string LargePdf(DirectoryInfo folder, string name, int megabytes)
    {
        var path = Path.Combine(folder.FullName, name);
        using var file = File.Create(path);
        file.Write("%PDF-1.4\n"u8);
        file.SetLength(megabytes * 1024L * 1024);
        return path;
    }

    /// <summary>The smallest well-formed PDF: one empty page.</summary>
    private static byte[] SmallPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    [GeneratedRegex(@"^\s*Opgeslagen om \d{2}:\d{2}\s*$")]
    private static partial Regex SavedAt();
}
