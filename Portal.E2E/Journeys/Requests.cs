using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 11 in a browser, in Dutch, from sending in to an approved proposal: a reviewer sends a completeness request, the
/// email with the request's text arrives (MailDev), the applicant answers on the status page with a file, the reviewer sees
/// the answer and the file while the application is back in review, writes an internal note and a message (the applicant
/// reads only the message), assesses without names, proposes a refusal, and an approver approves it. Every page and state
/// is looked at with axe and the HTML checker.
/// </summary>
public sealed class Requests(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task Sent_in_asked_for_a_missing_quote_answered_with_a_file_assessed_without_names_proposed_and_approved()
    {
        var member = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var reviewer = await Server.CreateAccountAsync(Roles.Reviewer, "ruben", authenticatorKey: Totp.NewKey());
        var approver = await Server.CreateAccountAsync(Roles.Approver, "fiatteur", authenticatorKey: Totp.NewKey());
        var id = await ApplicantData.DraftAsync(Server, member, activity: true, 300);
        await ApplicantData.SentInAndTakenUpAsync(Server, id, member, reviewer, DateTimeOffset.UtcNow);

        var reviewerTab = await OpenBrowserAsync();
        await SignInAsAsync(reviewerTab, reviewer);
        await reviewerTab.GotoAsync($"/review/applications/{id}/requests");
        var main = reviewerTab.GetByRole(AriaRole.Main);
        await Expect(reviewerTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vragen aan de aanvrager");
        await SeeAsync(reviewerTab, "review-requests");
        await main.GetByRole(AriaRole.Button, new() { Name = "Versturen", Exact = true }).ClickAsync();
        await Expect(main.GetByRole(AriaRole.Alert)).ToContainTextAsync("Schrijf wat u wilt vragen.");
        await SeeAsync(reviewerTab, "review-requests-no-text");
        await main.GetByLabel("Waar gaat het over?").SelectOptionAsync("budget.costs");
        await main.GetByLabel("Wat wilt u weten of hebben?").FillAsync("Stuur de offerte van de zaal in het buurthuis.");
        await main.GetByRole(AriaRole.Button, new() { Name = "Versturen", Exact = true }).ClickAsync();
        await Expect(main).ToContainTextAsync("Het verzoek om aanvulling is verstuurd.");
        await SeeAsync(reviewerTab, "review-requests-sent");

        // The first mail is the confirmation of the submission; the second the request.
        var mail = await Server.Mail.WaitForMailToAsync(member.Email, count: 2);
        Assert.Equal($"Wij missen iets in uw aanvraag {await ReferenceAsync(id)}", mail.Subject);
        Assert.Contains("> Stuur de offerte van de zaal in het buurthuis.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Als wij dit niet op tijd krijgen, behandelen wij uw aanvraag niet.", mail.Text, StringComparison.Ordinal);

        var memberTab = await OpenBrowserAsync();
        await SignInAsAsync(memberTab, member);
        await memberTab.GotoAsync(mail.FirstLink.PathAndQuery);
        var status = memberTab.GetByRole(AriaRole.Main);
        await Expect(status).ToContainTextAsync("Stuur de offerte van de zaal in het buurthuis.");
        await SeeAsync(memberTab, "status-with-request");
        await status.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "offerte-zaal.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray(),
        });
        await status.GetByRole(AriaRole.Textbox, new() { Name = "Uw antwoord" }).FillAsync("Hier is de offerte. De zaal kost € 120. 👍");
        await status.GetByRole(AriaRole.Button, new() { Name = "Antwoord sturen", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync("Dank u. Wij hebben uw antwoord gekregen.");
        await Expect(status).ToContainTextAsync("offerte-zaal.pdf");
        await SeeAsync(memberTab, "status-answered");

        await reviewerTab.ReloadAsync();
        await Expect(main).ToContainTextAsync("Hier is de offerte. De zaal kost € 120. 👍");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "offerte-zaal.pdf" })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("Wordt beoordeeld");
        await SeeAsync(reviewerTab, "review-requests-answered");
        Assert.Equal(ApplicationStatus.InReview, (await ApplicantData.LoadAsync(Server, id)).Status);

        // The thread: an internal note and a message; the applicant reads only the message.
        await main.GetByRole(AriaRole.Link, new() { Name = "Berichten en interne notities", Exact = true }).ClickAsync();
        await SeeAsync(reviewerTab, "review-messages");
        await main.GetByLabel("Interne notitie", new() { Exact = true }).FillAsync("Offerte lijkt in orde; navragen bij de beheerder.");
        await main.GetByRole(AriaRole.Button, new() { Name = "Notitie opslaan", Exact = true }).ClickAsync();
        await Expect(main).ToContainTextAsync("Uw interne notitie is opgeslagen.");
        await SeeAsync(reviewerTab, "review-messages-note");
        await main.GetByLabel("Bericht aan de aanvrager", new() { Exact = true }).FillAsync("Dank u. Wij kijken er deze week naar.");
        await main.GetByRole(AriaRole.Button, new() { Name = "Bericht sturen", Exact = true }).ClickAsync();
        await Expect(main).ToContainTextAsync("Uw bericht is verstuurd.");
        await SeeAsync(reviewerTab, "review-messages-sent");

        await memberTab.GotoAsync($"/applications/{id}/status");
        await status.GetByRole(AriaRole.Link, new() { Name = "Berichten lezen en sturen (1)", Exact = true }).ClickAsync();
        await Expect(status).ToContainTextAsync("Dank u. Wij kijken er deze week naar.");
        await Expect(status).Not.ToContainTextAsync("navragen bij de beheerder");
        await SeeAsync(memberTab, "messages");

        // Complete now: the reviewer assesses without names (the scheme asks for it), proposes a refusal, and an approver
        // (another person, two-factor) approves it (issue 11, points 7 and 8).
        await reviewerTab.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van deze aanvraag" })
            .GetByRole(AriaRole.Link, new() { Name = "Beoordeling" }).ClickAsync();
        await Expect(main).ToContainTextAsync("U beoordeelt zonder namen.");
        await Expect(main).Not.ToContainTextAsync("Moedergroep Hatert");
        await SeeAsync(reviewerTab, "assessment");
        foreach (var criterion in ApplicantData.SamenDoenCriteria)
            await reviewerTab.GetByRole(AriaRole.Group, new() { Name = criterion }).GetByLabel("3", new() { Exact = true }).CheckAsync();
        await reviewerTab.GetByLabel("Afwijzen", new() { Exact = true }).CheckAsync();
        await reviewerTab.GetByLabel("De activiteit bereikt te weinig mensen in de buurt.").CheckAsync();
        await reviewerTab.GetByLabel("Uitleg in uw eigen woorden").FillAsync(
            "Wij hebben uw plan met aandacht gelezen en wij denken dat er in de buurt al veel vergelijkbare kookavonden voor moeders zijn.");
        await reviewerTab.GetByRole(AriaRole.Button, new() { Name = "Bewaren", Exact = true }).ClickAsync();
        await Expect(main).ToContainTextAsync("Uw beoordeling is bewaard.");
        await Expect(main).ToContainTextAsync("Deze zin is lang");
        await SeeAsync(reviewerTab, "assessment-saved");
        await reviewerTab.GetByRole(AriaRole.Button, new() { Name = "Voorstel doen" }).ClickAsync();
        await Expect(main).ToContainTextAsync("Dit voorstel gaat naar een fiatteur.");
        await SeeAsync(reviewerTab, "assessment-proposed");

        var approverTab = await OpenBrowserAsync();
        await SignInAsAsync(approverTab, approver);
        await approverTab.GotoAsync("/review/approvals");
        await SeeAsync(approverTab, "approvals");
        await approverTab.GetByRole(AriaRole.Link, new() { Name = await ReferenceAsync(id) }).ClickAsync();
        var approval = approverTab.GetByRole(AriaRole.Main);
        await Expect(approval).ToContainTextAsync("Moedergroep Hatert");
        await Expect(approval).ToContainTextAsync("De activiteit bereikt te weinig mensen in de buurt.");
        await SeeAsync(approverTab, "approval");
        await approverTab.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await Expect(approval).ToContainTextAsync("Het voorstel is goedgekeurd.");
        await SeeAsync(approverTab, "approvals-approved", replayable: false);
        Assert.Equal(ApplicationStatus.Rejected, (await ApplicantData.LoadAsync(Server, id)).Status);
    }

    private async Task<string> ReferenceAsync(Guid id) => (await ApplicantData.LoadAsync(Server, id)).Reference!;
}
