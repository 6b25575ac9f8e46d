using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Payments;

/// <summary>
/// Issue 12, point 8, through the pages: the reviewer writes a suggestion at a question on the assessment form and returns
/// the application (the group consented to a delay); the applicant sees the tip on the task list and at that question, not
/// at the others. Without consent the form says plainly that it must be a refusal, and refuses the return.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class ReturnPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly string[] Criteria = ["Reach", "Participation", "Trust", "Bridging", "Feasibility", "ReasonableBudget"];

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(FormClient Applicant, Application Application)> InReviewAsync(Guid reviewerId, bool consent)
    {
        var (applicant, group) = await fixture.SignedInApplicantAsync("amina@example.org");
        var submitted = await TestApplications.SubmittedAsync(fixture.Database, group, submittedAt: DateTimeOffset.UtcNow.AddDays(-2));
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.Events).Include(a => a.DelayConsents).SingleAsync(a => a.Id == submitted.Id);
        var now = DateTimeOffset.UtcNow;
        application.StartReview(Actor.Reviewer(reviewerId), now);
        if (consent)
        {
            var today = NijmegenTime.DayOf(now);
            application.RecordDelayConsent(today, today.AddDays(28), "Ja, ik wil mijn aanvraag verbeteren (aangevinkt in het portaal)",
                Actor.Applicant(group.Members[0].UserId), now);
        }
        await db.SaveChangesAsync();
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, application.Id, reviewerId);
        return (applicant, application);
    }

    private async Task<(FormClient Client, Guid Id)> ReviewerAsync()
    {
        var key = Totp.NewKey();
        var user = await TestAccounts.CreateAsync(fixture.Factory, "beoordelaar@example.org", Roles.Reviewer, authenticatorKey: key);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync("beoordelaar@example.org", TestAccounts.Password, key);
        return (client, user.Id);
    }

    private static (string, string)[] ReturnForm(string tip) =>
    [
        .. Criteria.Select(c => ($"Input.Mark[{c}]", "3")),
        ("Input.Outcome", "ReturnWithSuggestions"), ("Input.Reasons[ReturnWithSuggestions]", "ImproveAndSendAgain"),
        ("Input.Feedback", "Een mooi plan. Met twee kleine dingen wordt het sterker."),
        ("Input.Suggest[activity.description]", tip), ("Input.Suggest[activity.title]", ""),
    ];

    [Fact]
    public async Task The_applicant_sees_each_suggestion_at_its_question_and_on_the_task_list()
    {
        var (reviewer, reviewerId) = await ReviewerAsync();
        var (applicant, application) = await InReviewAsync(reviewerId, consent: true);
        var assessment = $"/review/applications/{application.Id}/assessment";
        const string tip = "Schrijf ook wie de kookavond leidt.\nEn hoe laat hij begint.";

        var (_, form) = await reviewer.GetAsync(assessment);
        Assert.Contains("data-consent=\"yes\"", form, StringComparison.Ordinal);
        var (proposed, proposedHtml) = await reviewer.PostAsync(assessment + "?handler=Propose", [("Seen", "0"), .. ReturnForm(tip)]);
        Assert.True(proposed.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(proposedHtml));
        await reviewer.GetAsync(assessment);
        var (decided, decidedHtml) = await reviewer.PostAsync(assessment + "?handler=Decide", [("Seen", "0")]);
        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(decidedHtml));
        await using (var db = fixture.Database.NewContext())
            Assert.Equal(ApplicationStatus.ReturnedWithSuggestions, await db.Applications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync());

        var (_, taskList) = await applicant.GetAsync($"/applications/{application.Id}");
        var returned = WebUtility.HtmlDecode(taskList);
        Assert.Contains("data-returned", returned, StringComparison.Ordinal);
        Assert.Contains("Het nummer van uw aanvraag blijft hetzelfde.", returned, StringComparison.Ordinal);
        Assert.Contains("Een mooi plan. Met twee kleine dingen wordt het sterker.", returned, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/activity/description\"", returned, StringComparison.Ordinal);

        var (page, question) = await applicant.GetAsync($"/applications/{application.Id}/activity/description");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var atQuestion = WebUtility.HtmlDecode(question);
        Assert.Contains("data-suggestion=\"activity.description\"", atQuestion, StringComparison.Ordinal);
        Assert.Contains("Schrijf ook wie de kookavond leidt.", atQuestion, StringComparison.Ordinal);
        Assert.Contains("En hoe laat hij begint.", atQuestion, StringComparison.Ordinal);
        Assert.Contains("<textarea", atQuestion, StringComparison.Ordinal); // open to change again
        var (_, other) = await applicant.GetAsync($"/applications/{application.Id}/activity/title");
        Assert.DoesNotContain("data-suggestion=", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_consent_the_form_says_it_must_be_a_refusal_and_the_return_is_refused()
    {
        var (reviewer, reviewerId) = await ReviewerAsync();
        var (_, application) = await InReviewAsync(reviewerId, consent: false);
        var assessment = $"/review/applications/{application.Id}/assessment";

        var (_, form) = await reviewer.GetAsync(assessment);
        Assert.Contains("data-consent=\"no\"", form, StringComparison.Ordinal);
        Assert.Contains("Stel afwijzen voor en schrijf uw tips erbij.", WebUtility.HtmlDecode(form), StringComparison.Ordinal);

        var (response, html) = await reviewer.PostAsync(assessment + "?handler=Propose", [("Seen", "0"), .. ReturnForm("Wie leidt de avond?")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("De groep heeft niet schriftelijk ingestemd met uitstel.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(ApplicationStatus.InReview, await db.Applications.Where(a => a.Id == application.Id).Select(a => a.Status).SingleAsync());
    }
}
