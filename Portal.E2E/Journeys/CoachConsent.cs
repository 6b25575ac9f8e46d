using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// Issue 10 in a browser: a member lets a coach in, the coach comments at the budget, the member sees it on the task list
/// and at the budget and replies, then takes the access away and the coach's next look is "not found". Every page and
/// state is looked at with axe and the HTML checker.
/// </summary>
public sealed class CoachConsent(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    /// <summary>Once as most people use it, once without JavaScript: every form here is a plain form.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Member_lets_a_coach_in_who_comments_at_the_budget_the_member_replies_and_takes_access_away(bool javaScript)
    {
        var member = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var coach = await Server.CreateAccountAsync(Roles.Coach, "fatima", authenticatorKey: Totp.NewKey());
        var id = await ApplicantData.DraftAsync(Server, member, activity: true, 300);

        var memberTab = await OpenBrowserAsync(javaScript: javaScript);
        await SignInAsAsync(memberTab, member);
        await memberTab.GotoAsync($"/applications/{id}");
        await SeeAsync(memberTab, "task-list");
        var tasks = new TaskListPage(memberTab);
        await tasks.Main.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = tasks.Say("Consent.TaskList.Link"), Exact = true }).ClickAsync();
        var coaches = new CoachesPage(memberTab);
        await Expect(coaches.Heading).ToHaveTextAsync("Wie helpt mee");
        await SeeAsync(memberTab, "coaches-none");

        await coaches.GrantAsync("iemand.anders@example.org", coaches.LookAndComment);
        await Expect(coaches.ErrorSummary).ToContainTextAsync("Wij vinden geen coach met dit e-mailadres.");
        await Expect(coaches.Email).ToHaveValueAsync("iemand.anders@example.org");
        await SeeAsync(memberTab, "coaches-not-a-coach");
        await coaches.GrantAsync(coach.Email, coaches.LookAndComment);
        await Expect(coaches.Main).ToContainTextAsync("De coach heeft nu toegang tot deze aanvraag.");
        await Expect(coaches.Coaches).ToHaveCountAsync(1);
        await SeeAsync(memberTab, "coaches-granted");

        var coachTab = await OpenBrowserAsync(javaScript: javaScript);
        await SignInAsAsync(coachTab, coach);
        await coachTab.GotoAsync($"/applications/{id}/budget");
        var coachComments = new CommentsSection(coachTab);
        await Expect(coachComments.Main).ToContainTextAsync("U kijkt mee met deze aanvraag.");
        await SeeAsync(coachTab, "coach-budget");
        await coachComments.CommentAsync("Zet de huur van de zaal apart. 🙂");
        await Expect(coachComments.Comments).ToHaveCountAsync(1);
        await SeeAsync(coachTab, "coach-commented");

        await memberTab.GotoAsync($"/applications/{id}");
        await Expect(tasks.Main.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "1 opmerking", Exact = true })).ToBeVisibleAsync();
        await SeeAsync(memberTab, "task-list-one-comment");
        await tasks.Budget.ClickAsync();
        var memberComments = new CommentsSection(memberTab);
        await Expect(memberComments.Comments.First).ToContainTextAsync("Zet de huur van de zaal apart. 🙂");
        await SeeAsync(memberTab, "budget-with-comment");
        await memberComments.ReplyAsync("");
        // With htmx the error comes back at the field in the swapped section, without it on the comments page: both show it there.
        await Expect(memberComments.Section).ToContainTextAsync("Schrijf eerst iets.");
        await Expect(memberComments.Reply).ToHaveAttributeAsync("aria-invalid", "true");
        await SeeAsync(memberTab, "reply-empty");
        await memberComments.ReplyAsync("Goed idee, dat doe ik.");
        await Expect(memberComments.Comments.First).ToContainTextAsync("Goed idee, dat doe ik.");
        await SeeAsync(memberTab, "budget-replied");

        await memberTab.GotoAsync($"/applications/{id}/coaches");
        await Expect(coaches.History.First).ToBeVisibleAsync();
        await SeeAsync(memberTab, "coaches-history");
        await coaches.RevokeAsync(coach.Email);
        await Expect(coaches.Main).ToContainTextAsync("De coach heeft geen toegang meer.");
        await Expect(coaches.Coaches).ToHaveCountAsync(0);
        await SeeAsync(memberTab, "coaches-revoked");

        var gone = await coachTab.GotoAsync($"/applications/{id}/budget");
        Assert.Equal(404, gone!.Status);
        await SeeAsync(coachTab, "coach-not-found");
    }

    [Fact]
    public async Task A_coach_writes_a_dutch_summary_of_an_answer_in_arabic_and_the_member_sees_it_beside_the_original()
    {
        var member = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var coach = await Server.CreateAccountAsync(Roles.Coach, "fatima", authenticatorKey: Totp.NewKey());
        var id = await ApplicantData.DraftAsync(Server, member, activity: true, 300);
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            // The use case another page will call for a one-click grant to the group's own coach.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var (memberId, coachId) = ((await users.FindByEmailAsync(member.Email))!.Id, (await users.FindByEmailAsync(coach.Email))!.Id);
            await scope.ServiceProvider.GetRequiredService<Portal.Applications.CoachConsent>()
                .GrantAsync(id, coachId, GrantKind.CoachView, Actor.Applicant(memberId));
        }

        var memberTab = await OpenBrowserAsync();
        await SignInAsAsync(memberTab, member);
        await memberTab.GotoAsync($"/applications/{id}/answer-language");
        await SeeAsync(memberTab, "answer-language");
        await memberTab.GetByRole(Microsoft.Playwright.AriaRole.Radio, new() { Name = "العربية", Exact = true }).CheckAsync();
        await memberTab.GetByRole(Microsoft.Playwright.AriaRole.Main).GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await SeeAsync(memberTab, "task-list-arabic");

        var coachTab = await OpenBrowserAsync();
        await SignInAsAsync(coachTab, coach);
        await coachTab.GotoAsync($"/applications/{id}/check");
        await SeeAsync(coachTab, "coach-check");
        var main = coachTab.GetByRole(Microsoft.Playwright.AriaRole.Main);
        await main.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Nederlandse samenvatting schrijven" }).First.ClickAsync();
        await SeeAsync(coachTab, "summary-form");
        await main.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Samenvatting opslaan", Exact = true }).ClickAsync();
        await Expect(main.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("Schrijf eerst een samenvatting.");
        await SeeAsync(coachTab, "summary-empty");
        await main.GetByLabel("Uw samenvatting in het Nederlands").FillAsync("Kookavond voor moeders in Hatert.");
        await main.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Samenvatting opslaan", Exact = true }).ClickAsync();
        await Expect(main).ToContainTextAsync("Samenvatting door coach, geen vertaling:");
        await SeeAsync(coachTab, "coach-check-summarised");

        await memberTab.GotoAsync($"/applications/{id}/check");
        var summary = memberTab.Locator("dd.answer-summary");
        await Expect(summary).ToContainTextAsync("Samenvatting door coach, geen vertaling:");
        await Expect(summary).ToContainTextAsync("Kookavond voor moeders in Hatert.");
        await Expect(memberTab.GetByRole(Microsoft.Playwright.AriaRole.Main)).ToContainTextAsync(ApplicantData.Title);
        await SeeAsync(memberTab, "check-with-summary");
    }
}
