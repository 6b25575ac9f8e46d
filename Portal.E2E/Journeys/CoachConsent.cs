using System.Text.RegularExpressions;
using Portal.Domain.Accounts;
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
public sealed partial class CoachConsent(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Fact]
    public async Task Member_lets_a_coach_in_who_comments_at_the_budget_the_member_replies_and_takes_access_away()
    {
        var member = await Server.CreateAccountAsync(Roles.Applicant, "amina");
        var coach = await Server.CreateAccountAsync(Roles.Coach, "fatima", authenticatorKey: Totp.NewKey());
        var id = await ApplicantData.DraftAsync(Server, member, activity: true, 300);

        var memberTab = await OpenBrowserAsync();
        await SignInAsync(memberTab, member);
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

        var coachTab = await OpenBrowserAsync();
        await SignInAsync(coachTab, coach);
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
        await Expect(memberComments.ErrorSummary).ToContainTextAsync("Schrijf eerst iets.");
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

    private async Task SignInAsync(Microsoft.Playwright.IPage tab, TestAccount account)
    {
        var signIn = new SignInPage(tab);
        await signIn.GotoAsync();
        await SeeAsync(tab, "sign-in");
        await signIn.SignInAsync(account.Email, account.Password);
        if (account.AuthenticatorKey is { } key)
        {
            var code = new TwoFactorPage(tab);
            await Expect(code.Heading).ToHaveTextAsync("Vul uw code in");
            await SeeAsync(tab, "two-factor");
            await code.SubmitAsync(Totp.FreshCode(key));
        }
        await Expect(tab).Not.ToHaveURLAsync(SignInUrl());
        await SeeAsync(tab, "signed-in");
    }

    [GeneratedRegex("/account/(sign-in|two-factor)")]
    private static partial Regex SignInUrl();
}
