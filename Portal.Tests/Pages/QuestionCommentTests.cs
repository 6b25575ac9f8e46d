using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Comments at the question (issue 10, point 8): a coach the members let in writes one at a question; the applicant sees
/// it right there and "1 opmerking" on the task list, replies and marks it done. It stays in the history. Text in any
/// script is kept as typed; an empty or too long one is refused in plain words, with what was typed kept.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class QuestionCommentTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_coach_comments_at_the_budget_the_member_sees_it_there_and_on_the_task_list_replies_and_marks_it_done()
    {
        var (member, draftId, coach, coachId) = await MemberAndCoachAsync(GrantKind.CoachView);
        var budget = $"/applications/{draftId}/budget";

        var (_, coachPage) = await coach.GetAsync(budget);
        var (posted, _) = await coach.PostAsync($"/applications/{draftId}/comments",
            [("About", "budget.costs"), ("Text", "Zet de huur van de zaal er apart bij."), ("ReturnUrl", budget)]);
        var (_, memberBudget) = await member.GetAsync(budget);
        var (_, tasks) = await member.GetAsync($"/applications/{draftId}");
        var (_, section) = await member.GetAsync($"/applications/{draftId}/comments?about=budget");
        var commentId = await SingleCommentIdAsync();
        var (replied, _) = await member.PostAsync($"/applications/{draftId}/comments?handler=Reply",
            [("CommentId", commentId.ToString()), ("About", "budget.costs"), ("Text", "Goed idee, dat doe ik."), ("ReturnUrl", budget)]);
        var (done, _) = await member.PostAsync($"/applications/{draftId}/comments?handler=Done",
            [("CommentId", commentId.ToString()), ("About", "budget.costs"), ("Text", ""), ("ReturnUrl", budget)]);
        var (_, tasksAfter) = await member.GetAsync($"/applications/{draftId}");
        var (_, coachAfter) = await coach.GetAsync(budget);

        Assert.Contains("Opmerking bij deze vraag", coachPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith(budget + "#comment-", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Zet de huur van de zaal er apart bij.", memberBudget, StringComparison.Ordinal);
        Assert.Contains("coach@example.org (coach)", memberBudget, StringComparison.Ordinal);
        // The member replies; a new remark is the coach's to start.
        Assert.DoesNotContain("Opmerking bij deze vraag", memberBudget, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{draftId}/comments?about=budget\">1 opmerking</a>", tasks, StringComparison.Ordinal);
        // The task list's link opens the section's comments, each saying where it stands.
        Assert.Contains("Zet de huur van de zaal er apart bij.", section, StringComparison.Ordinal);
        Assert.Contains("Bij de begroting.", section, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain("1 opmerking", tasksAfter, StringComparison.Ordinal);
        Assert.Contains("Goed idee, dat doe ik.", coachAfter, StringComparison.Ordinal);
        Assert.Contains("— klaar", coachAfter, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var comment = await db.QuestionComments.Include(c => c.Replies).SingleAsync();
        Assert.NotNull(comment.DoneAt);
        Assert.Equal(["application.comment-added", "application.comment-replied", "application.comment-done"],
            await db.AuditEvents.Where(a => a.Kind.StartsWith("application.comment")).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());
        Assert.Equal((coachId, "Coach", "budget.costs"),
            await db.AuditEvents.Where(a => a.Kind == "application.comment-added").Select(a => new ValueTuple<Guid, string?, string?>(a.UserId!.Value, a.ActorRole, a.Detail)).SingleAsync());
    }

    [Fact]
    public async Task A_comment_at_an_activity_question_shows_on_that_question_page_only()
    {
        var (member, draftId, coach, _) = await MemberAndCoachAsync(GrantKind.CoachEdit);
        var title = $"/applications/{draftId}/activity/title";

        await coach.GetAsync(title);
        await coach.PostAsync($"/applications/{draftId}/comments", [("About", "activity.title"), ("Text", "Maak de titel korter."), ("ReturnUrl", title)]);
        var (_, titlePage) = await member.GetAsync(title);
        var (_, otherPage) = await member.GetAsync($"/applications/{draftId}/activity/description");

        Assert.Contains("Maak de titel korter.", titlePage, StringComparison.Ordinal);
        Assert.Contains("Uw antwoord", titlePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Maak de titel korter.", otherPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_or_too_long_comment_is_refused_in_plain_words_and_keeps_what_was_typed()
    {
        var (_, draftId, coach, _) = await MemberAndCoachAsync(GrantKind.CoachView);
        var budget = $"/applications/{draftId}/budget";
        await coach.GetAsync(budget);
        var tooLong = "أ" + new string('x', 2000) + " 🙂";

        var (empty, emptyHtml) = await coach.PostAsync($"/applications/{draftId}/comments", [("About", "budget.costs"), ("Text", "   "), ("ReturnUrl", budget)]);
        var (longResponse, longHtml) = await coach.PostAsync($"/applications/{draftId}/comments", [("About", "budget.costs"), ("Text", tooLong), ("ReturnUrl", budget)]);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Schrijf eerst iets.", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, longResponse.StatusCode);
        Assert.Contains("Dit is te lang. Schrijf hooguit 2000 tekens. U schreef 2004 tekens.", longHtml, StringComparison.Ordinal);
        Assert.Contains(tooLong, WebUtility.HtmlDecode(longHtml), StringComparison.Ordinal);
        // The form still goes back to the budget page once it is right.
        Assert.Contains($"name=\"ReturnUrl\" value=\"{budget}\"", longHtml, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.QuestionComments.AnyAsync());
    }

    [Fact]
    public async Task Arabic_and_emoji_are_kept_as_typed_in_a_comment_and_a_reply()
    {
        var (member, draftId, coach, _) = await MemberAndCoachAsync(GrantKind.CoachView);
        var budget = $"/applications/{draftId}/budget";
        const string remark = "من فضلكم اكتبوا سعر القاعة 🏠👩‍👧";
        const string answer = "شكرًا! 🙏🏽 سأفعل ذلك";

        await coach.GetAsync(budget);
        await coach.PostAsync($"/applications/{draftId}/comments", [("About", "budget.costs"), ("Text", remark), ("ReturnUrl", budget)]);
        var commentId = await SingleCommentIdAsync();
        await member.GetAsync(budget);
        await member.PostAsync($"/applications/{draftId}/comments?handler=Reply", [("CommentId", commentId.ToString()), ("Text", answer), ("ReturnUrl", budget)]);
        var (_, page) = await member.GetAsync(budget);

        await using var db = fixture.Database.NewContext();
        var comment = await db.QuestionComments.Include(c => c.Replies).SingleAsync();
        Assert.Equal(remark, comment.Text);
        Assert.Equal(answer, Assert.Single(comment.Replies).Text);
        var shown = WebUtility.HtmlDecode(page);
        Assert.Contains(remark, shown, StringComparison.Ordinal);
        Assert.Contains(answer, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coach_without_a_grant_and_a_member_of_another_organisation_get_not_found()
    {
        var (_, draftId, _, _) = await MemberAndCoachAsync(GrantKind.CoachView);
        var (stranger, _) = await CoachAccounts.SignedInAsync(fixture, "andere.coach@example.org");
        var (other, _) = await fixture.SignedInApplicantAsync("samir@example.org", "Buurtgroep Lindenholt");
        var comments = $"/applications/{draftId}/comments";

        foreach (var client in new[] { stranger, other })
        {
            var (look, _) = await client.GetAsync(comments + "?about=budget");
            await client.GetAsync("/account/profile");
            var (post, _) = await client.PostAsync(comments, [("About", "budget.costs"), ("Text", "Ik kijk mee.")]);
            Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.QuestionComments.AnyAsync());
    }

    [Fact]
    public async Task A_coach_cannot_mark_a_comment_done_for_the_group()
    {
        var (_, draftId, coach, _) = await MemberAndCoachAsync(GrantKind.CoachEdit);
        var budget = $"/applications/{draftId}/budget";
        await coach.GetAsync(budget);
        await coach.PostAsync($"/applications/{draftId}/comments", [("About", "budget.costs"), ("Text", "Kijk nog eens naar de huur."), ("ReturnUrl", budget)]);
        var commentId = await SingleCommentIdAsync();

        var (response, html) = await coach.PostAsync($"/applications/{draftId}/comments?handler=Done", [("CommentId", commentId.ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dit kan alleen een lid van de groep doen.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.QuestionComments.SingleAsync()).DoneAt);
    }

    [Fact]
    public async Task With_htmx_the_comments_section_comes_back_in_place_with_the_error_at_the_field_or_the_saved_comment()
    {
        var (_, draftId, coach, _) = await MemberAndCoachAsync(GrantKind.CoachView);
        var budget = $"/applications/{draftId}/budget";
        var (_, page) = await coach.GetAsync(budget);
        (string, string)[] htmx = [("HX-Request", "true")];

        var (refused, refusedHtml) = await coach.PostAsync($"/applications/{draftId}/comments",
            [("About", "budget.costs"), ("Text", ""), ("ReturnUrl", budget)], true, htmx);
        var (saved, savedHtml) = await coach.PostAsync($"/applications/{draftId}/comments",
            [("About", "budget.costs"), ("Text", "Zet de huur apart."), ("ReturnUrl", budget)], true, htmx);

        Assert.Contains($"data-hx-post=\"/applications/{draftId}/comments\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("<section class=\"comments\" id=\"comments\"", refusedHtml.TrimStart()[refusedHtml.TrimStart().IndexOf("<section", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("<html", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Schrijf eerst iets.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("HX-Request", refused.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Zet de huur apart.", savedHtml, StringComparison.Ordinal);
        Assert.Contains("data-status-message", savedHtml, StringComparison.Ordinal);
        Assert.Contains("Uw opmerking staat bij de vraag.", savedHtml, StringComparison.Ordinal);
        Assert.Contains($"name=\"ReturnUrl\" value=\"{budget}\"", savedHtml, StringComparison.Ordinal);
    }

    private async Task<Guid> SingleCommentIdAsync()
    {
        await using var db = fixture.Database.NewContext();
        return (await db.QuestionComments.SingleAsync()).Id;
    }

    private async Task<(FormClient Member, Guid DraftId, FormClient Coach, Guid CoachId)> MemberAndCoachAsync(GrantKind kind)
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (coach, coachId) = await CoachAccounts.SignedInAsync(fixture, "coach@example.org");
        await CoachAccounts.GrantAsync(fixture, draft.Id, coachId, kind, organisation.Members[0].UserId);
        return (member, draft.Id, coach, coachId);
    }
}
