using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// A coach's Dutch summary (issue 10, point 10): beside an answer written in another language, on check your answers and
/// on the question page, marked "samenvatting door coach, geen vertaling". The original stays.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class AnswerSummaryTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Arabic = "أمسية طبخ للأمهات 🍲";

    [Fact]
    public async Task A_coach_summarises_an_arabic_answer_in_dutch_and_it_stands_beside_the_original_marked_as_no_translation()
    {
        var (member, draftId, coach, coachId) = await ArabicDraftWithCoachAsync(GrantKind.CoachView);
        var page = $"/applications/{draftId}/summary/title";

        var (_, form) = await coach.GetAsync(page);
        var (saved, _) = await coach.PostAsync(page, [("Text", "Kookavond voor moeders")]);
        var (_, check) = await member.GetAsync($"/applications/{draftId}/check");
        var (_, question) = await member.GetAsync($"/applications/{draftId}/activity/title");

        Assert.Contains(Arabic, WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var html in new[] { check, question })
        {
            Assert.Contains("Samenvatting door coach, geen vertaling:", html, StringComparison.Ordinal);
            Assert.Contains("<p class=\"answer-text\" lang=\"nl\" dir=\"ltr\">Kookavond voor moeders</p>", html, StringComparison.Ordinal);
        }
        Assert.Contains(Arabic, WebUtility.HtmlDecode(check), StringComparison.Ordinal);
        // In the list of answers the summary is a description of the same answer.
        Assert.Contains("<dd class=\"answer-summary\">", check, StringComparison.Ordinal);
        Assert.Contains("<div class=\"answer-summary\">", question, StringComparison.Ordinal);
        // The member reads the summary; writing it is the coach's.
        Assert.DoesNotContain($"/applications/{draftId}/summary/title", check, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Kookavond voor moeders", (await db.AnswerSummaries.SingleAsync()).Text);
        var row = await db.AuditEvents.SingleAsync(a => a.Kind == "application.summary-written");
        Assert.Equal((coachId, "Coach", "activity.title"), (row.UserId!.Value, row.ActorRole, row.Detail));
    }

    [Fact]
    public async Task An_empty_or_too_long_summary_is_refused_and_keeps_what_was_typed()
    {
        var (_, draftId, coach, _) = await ArabicDraftWithCoachAsync(GrantKind.CoachEdit);
        var page = $"/applications/{draftId}/summary/description";
        await coach.GetAsync(page);
        var tooLong = new string('a', 2001);

        var (empty, emptyHtml) = await coach.PostAsync(page, [("Text", "")]);
        var (longResponse, longHtml) = await coach.PostAsync(page, [("Text", tooLong)]);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Schrijf eerst een samenvatting.", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, longResponse.StatusCode);
        Assert.Contains("Dit is te lang. Schrijf hooguit 2000 tekens. U schreef 2001 tekens.", longHtml, StringComparison.Ordinal);
        Assert.Contains(tooLong, longHtml, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.AnswerSummaries.AnyAsync());
    }

    [Fact]
    public async Task Members_a_coach_without_a_grant_and_another_organisation_cannot_write_a_summary()
    {
        var (member, draftId, _, _) = await ArabicDraftWithCoachAsync(GrantKind.CoachView);
        var (stranger, _) = await CoachAccounts.SignedInAsync(fixture, "andere.coach@example.org");
        var (other, _) = await fixture.SignedInApplicantAsync("samir@example.org", "Buurtgroep Lindenholt");
        var page = $"/applications/{draftId}/summary/title";

        foreach (var client in new[] { member, stranger, other })
        {
            var (look, _) = await client.GetAsync(page);
            await client.GetAsync("/account/profile");
            var (post, _) = await client.PostAsync(page, [("Text", "Kookavond")]);
            Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.AnswerSummaries.AnyAsync());
    }

    [Fact]
    public async Task Answers_in_dutch_need_no_summary()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (coach, coachId) = await CoachAccounts.SignedInAsync(fixture, "coach@example.org");
        await CoachAccounts.GrantAsync(fixture, draft.Id, coachId, GrantKind.CoachView, organisation.Members[0].UserId);
        var page = $"/applications/{draft.Id}/summary/title";

        var (_, form) = await coach.GetAsync(page);
        var (post, html) = await coach.PostAsync(page, [("Text", "Kookavond")]);
        var (_, check) = await coach.GetAsync($"/applications/{draft.Id}/check");

        Assert.Contains("Een samenvatting is niet nodig.", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Een samenvatting is niet nodig.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/summary/", check, StringComparison.Ordinal);
    }

    private async Task<(FormClient Member, Guid DraftId, FormClient Coach, Guid CoachId)> ArabicDraftWithCoachAsync(GrantKind kind)
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        await using (var db = fixture.Database.NewContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == draft.Id);
            var by = Actor.Applicant(organisation.Members[0].UserId);
            application.WriteAnswersIn("ar", by, DateTimeOffset.UtcNow);
            application.DescribeActivity(Arabic, "نطبخ معًا ونتحدث عن التربية.", application.ForWhom, application.ParticipantCount, application.Neighbourhood,
                application.StartsOn, application.EndsOn, application.HowOthersJoin, by, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var (coach, coachId) = await CoachAccounts.SignedInAsync(fixture, "coach@example.org");
        await CoachAccounts.GrantAsync(fixture, draft.Id, coachId, kind, organisation.Members[0].UserId);
        return (member, draft.Id, coach, coachId);
    }
}
