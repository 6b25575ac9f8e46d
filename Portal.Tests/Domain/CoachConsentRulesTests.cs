using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Comments;
using Portal.Domain.Common;

namespace Portal.Tests.Domain;

/// <summary>
/// Issue 10, points 7, 8 and 10 in the domain: a coach's grant and its events (a look recorded once an hour), comments at
/// a question with replies and "done", and a coach's Dutch summary beside an answer in another language.
/// </summary>
public sealed class CoachConsentRulesTests
{
    private static readonly Guid Amina = Guid.NewGuid(), Fatima = Guid.NewGuid();
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_grant_raises_its_event_and_a_revoke_once_even_when_revoked_twice()
    {
        var grant = new CoachGrant(Guid.NewGuid(), Fatima, GrantKind.CoachView, Actor.Applicant(Amina), Monday);
        grant.Revoke(Actor.Applicant(Amina), Monday.AddHours(1));
        grant.Revoke(Actor.Applicant(Amina), Monday.AddHours(2));

        Assert.Equal([CoachAccessGranted.Name, CoachAccessRevoked.Name], grant.DomainEvents.Select(e => e.Action));
        Assert.Equal(Monday.AddHours(1), grant.RevokedAt);
        Assert.False(grant.IsActive);
    }

    [Fact]
    public void Only_a_coachs_kinds_can_be_granted_and_only_by_someone()
    {
        Assert.Equal("Access.CoachGrant.Kind",
            Assert.Throws<DomainException>(() => new CoachGrant(Guid.NewGuid(), Fatima, GrantKind.Reviewer, Actor.Applicant(Amina), Monday)).MessageKey);
        Assert.Equal("Access.CoachGrant.Kind",
            Assert.Throws<DomainException>(() => new CoachGrant(Guid.NewGuid(), Fatima, GrantKind.CoachView, Actor.System, Monday)).MessageKey);
    }

    [Fact]
    public void A_coachs_look_is_recorded_once_an_hour_and_not_after_a_revoke()
    {
        var grant = new CoachGrant(Guid.NewGuid(), Fatima, GrantKind.CoachView, Actor.Applicant(Amina), Monday);
        grant.ClearDomainEvents();

        var first = grant.RecordView(Monday.AddMinutes(1));
        var again = grant.RecordView(Monday.AddMinutes(59));
        var nextHour = grant.RecordView(Monday.AddMinutes(62));
        grant.Revoke(Actor.Applicant(Amina), Monday.AddHours(3));
        var afterRevoke = grant.RecordView(Monday.AddHours(5));

        Assert.Equal((true, false, true, false), (first, again, nextHour, afterRevoke));
        var views = grant.DomainEvents.OfType<CoachViewedApplication>().ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(Actor.Coach(Fatima), v.Actor));
    }

    [Fact]
    public void The_coach_kinds_allow_comments_and_summaries_and_only_members_manage_coaches()
    {
        Assert.Contains(Capability.GrantCoachAccess, Grants.Allows(GrantKind.Member, sentIn: false));
        Assert.DoesNotContain(Capability.SummariseAnswers, Grants.Allows(GrantKind.Member, sentIn: false));
        foreach (var coach in new[] { GrantKind.CoachView, GrantKind.CoachEdit })
        {
            var allowed = Grants.Allows(coach, sentIn: false);
            Assert.Contains(Capability.Comment, allowed);
            Assert.Contains(Capability.SummariseAnswers, allowed);
            Assert.DoesNotContain(Capability.GrantCoachAccess, allowed);
        }
        Assert.DoesNotContain(Capability.EditAnswers, Grants.Allows(GrantKind.CoachView, sentIn: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData(null)]
    public void An_empty_comment_is_refused(string? text) =>
        Assert.Equal("Comment.Text.Required", Assert.Throws<DomainException>(() => Comment(text)).MessageKey);

    [Fact]
    public void A_comment_of_2000_characters_is_taken_and_one_more_is_refused()
    {
        Assert.Equal(2000, Comment(new string('a', 2000)).Text.Length);
        Assert.Equal("Comment.Text.TooLong", Assert.Throws<DomainException>(() => Comment(new string('a', 2001))).MessageKey);
    }

    [Fact]
    public void Arabic_and_emoji_are_kept_and_a_disguising_override_goes()
    {
        const string written = "اكتبوا سعر القاعة 🏠👩‍👧 🇳🇱";

        Assert.Equal(written, Comment(written).Text);
        Assert.Equal("zaalhuur", Comment("zaal\u202Ehuur").Text);
    }

    [Fact]
    public void A_comment_stands_at_a_known_question_or_section_only()
    {
        Assert.Equal("budget", Comment("x", "budget").Section);
        Assert.Equal("budget", Comment("x", "budget.costs").Section);
        Assert.Equal("Comment.Place.Unknown", Assert.Throws<DomainException>(() => Comment("x", "budget.secret")).MessageKey);
    }

    [Fact]
    public void The_applicant_replies_and_marks_done_once_and_a_coach_cannot_mark_it_done()
    {
        var comment = Comment("Zet de huur apart.");
        comment.Reply("Gedaan 🙂", Actor.Applicant(Amina), Monday.AddHours(1));
        Assert.Equal("Comment.NotAllowed", Assert.Throws<DomainException>(() => comment.MarkDone(Actor.Coach(Fatima), Monday.AddHours(2))).MessageKey);
        comment.MarkDone(Actor.Applicant(Amina), Monday.AddHours(3));
        comment.MarkDone(Actor.Applicant(Amina), Monday.AddHours(4));

        Assert.Equal(Monday.AddHours(3), comment.DoneAt);
        Assert.Equal("Gedaan 🙂", Assert.Single(comment.Replies).Text);
        Assert.Equal([CommentAdded.Name, CommentReplied.Name, CommentDone.Name], comment.DomainEvents.Select(e => e.Action));
        Assert.All(comment.DomainEvents, e => Assert.Equal("budget.costs", e.Detail));
    }

    [Fact]
    public void A_summary_is_a_coachs_for_a_written_answer_in_another_language_only()
    {
        var application = new Application(Guid.NewGuid(), 1, "ar", Actor.Applicant(Amina), Monday);
        var dutch = new Application(Guid.NewGuid(), 1, "nl", Actor.Applicant(Amina), Monday);

        var summary = new AnswerSummary(application, QuestionKey.Description, " Wij koken samen. ", Actor.Coach(Fatima), Monday);
        summary.Rewrite(application, "Wij koken en praten samen.", Actor.Coach(Fatima), Monday.AddHours(1));

        Assert.Equal("Wij koken en praten samen.", summary.Text);
        Assert.Equal(2, summary.DomainEvents.OfType<AnswerSummaryWritten>().Count());
        Assert.Equal("Summary.NotAllowed",
            Assert.Throws<DomainException>(() => new AnswerSummary(application, QuestionKey.Title, "x", Actor.Applicant(Amina), Monday)).MessageKey);
        Assert.Equal("Summary.NotNeeded",
            Assert.Throws<DomainException>(() => new AnswerSummary(dutch, QuestionKey.Title, "x", Actor.Coach(Fatima), Monday)).MessageKey);
        Assert.Equal("Summary.NotNeeded",
            Assert.Throws<DomainException>(() => new AnswerSummary(application, QuestionKey.Participants, "25", Actor.Coach(Fatima), Monday)).MessageKey);
        Assert.Equal("Summary.Text.TooLong",
            Assert.Throws<DomainException>(() => new AnswerSummary(application, QuestionKey.Title, new string('a', 2001), Actor.Coach(Fatima), Monday)).MessageKey);
    }

    private static QuestionComment Comment(string? text, string about = "budget.costs") =>
        new(Guid.NewGuid(), about, text, Actor.Coach(Fatima), Monday);
}
