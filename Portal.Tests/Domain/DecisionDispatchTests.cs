using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>
/// Dispatch of a decision under the Wmebv (issue 12, point 3): email only with the person's recorded consent, the latest
/// answer counts; a decision is sent when the mail server accepts its email, or when staff post the letter — and the six
/// weeks to object run from the day after that sending, so from the post date when the email never went.
/// </summary>
public sealed class DecisionDispatchTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Guid AminaId = Guid.NewGuid();
    private static readonly Actor Amina = Actor.Applicant(AminaId);
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());

    [Fact]
    public void Consent_at_submission_is_recorded_with_when_where_and_by_whom_and_audited_on_the_person()
    {
        var applicationId = Guid.NewGuid();

        var consent = ElectronicContactConsent.Record(AminaId, true, ConsentAskedAt.Submission, applicationId, current: true, Amina, At("2026-03-02"))!;

        Assert.Equal((AminaId, true, ConsentAskedAt.Submission, applicationId, (Guid?)AminaId, At("2026-03-02")),
            (consent.UserId, consent.Consents, consent.AskedAt, consent.ApplicationId, consent.RecordedBy, consent.RecordedAt));
        Assert.Equal(ElectronicContactConsent.SubsidyDecisions, consent.MessageKind);
        var recorded = Assert.IsType<ElectronicContactConsentRecorded>(Assert.Single(consent.DomainEvents));
        Assert.Equal(("user", AminaId, "dispatch.email-consent"), (recorded.Object.Type, recorded.Object.Id, recorded.Action));
        Assert.Equal($"yes; subsidy-decisions; Submission; application {applicationId}", recorded.Detail);
    }

    [Fact]
    public void In_the_profile_the_same_answer_changes_nothing_and_a_withdrawal_is_a_new_row_that_counts_from_then_on()
    {
        var given = ElectronicContactConsent.Record(AminaId, true, ConsentAskedAt.Submission, Guid.NewGuid(), null, Amina, At("2026-03-02"))!;

        var same = ElectronicContactConsent.Record(AminaId, true, ConsentAskedAt.Profile, null, current: true, Amina, At("2026-03-03"));
        var withdrawn = ElectronicContactConsent.Record(AminaId, false, ConsentAskedAt.Profile, null, current: true, Amina, At("2026-03-04"))!;

        Assert.Null(same);
        Assert.Equal("no; subsidy-decisions; Profile", Assert.Single(withdrawn.DomainEvents).Detail);
        Assert.False(ElectronicContactConsent.Current([withdrawn, given]));
        Assert.True(ElectronicContactConsent.Current([given]));
        Assert.Null(ElectronicContactConsent.Current([]));
    }

    [Fact]
    public void Nobody_records_consent_for_someone_else()
    {
        var error = Assert.Throws<DomainException>(() =>
            ElectronicContactConsent.Record(AminaId, true, ConsentAskedAt.Profile, null, null, Actor.Applicant(Guid.NewGuid()), At("2026-03-02")));

        Assert.Equal("Dispatch.Consent.OnlyOwn", error.MessageKey);
    }

    [Fact]
    public void Without_consent_the_letter_is_a_post_task_from_the_start_and_nothing_is_sent_yet()
    {
        var decision = Decided("2026-03-02");

        var dispatch = DecisionDispatch.ByPost(decision, At("2026-03-02"));

        Assert.True(dispatch.NeedsPosting);
        Assert.Equal((DispatchChannel.Post, PostReason.NoConsent), (dispatch.Route, dispatch.PostReason!.Value));
        Assert.Null(decision.SentAt);
        Assert.Null(decision.ObjectionLastDay);
        var opened = Assert.IsType<DecisionPostTaskOpened>(Assert.Single(dispatch.DomainEvents));
        Assert.Equal($"decision {decision.Id}; NoConsent", opened.Detail);
    }

    [Fact]
    public void The_email_accepted_by_the_mail_server_is_the_sending_and_the_six_weeks_run_from_the_day_after()
    {
        var decision = Decided("2026-03-02");
        var dispatch = DecisionDispatch.ByEmail(decision, [Guid.NewGuid()], At("2026-03-02"));

        Assert.True(dispatch.EmailAccepted(decision, At("2026-03-03"), AtwCalendar.Netherlands));

        Assert.Equal((DispatchChannel.Email, At("2026-03-03")), (decision.Channel!.Value, decision.SentAt!.Value));
        Assert.Equal(Day("2026-04-14"), decision.ObjectionLastDay); // Tuesday 3 March + 6 weeks = Tuesday 14 April
        Assert.False(dispatch.NeedsPosting);
        Assert.False(dispatch.EmailsFailed(decision, At("2026-03-05"))); // sent is sent: no post task afterwards
        Assert.False(dispatch.EmailAccepted(decision, At("2026-03-06"), AtwCalendar.Netherlands)); // a second recipient's email changes nothing
        Assert.Equal(At("2026-03-03"), decision.SentAt);
    }

    [Fact]
    public void A_failed_email_becomes_a_post_task_and_the_term_runs_from_the_post_date_not_the_decision_date()
    {
        var decision = Decided("2026-03-02");
        var dispatch = DecisionDispatch.ByEmail(decision, [Guid.NewGuid()], At("2026-03-02"));

        Assert.True(dispatch.EmailsFailed(decision, At("2026-03-03")));
        Assert.False(dispatch.EmailsFailed(decision, At("2026-03-04"))); // one task, not two
        dispatch.Posted(decision, Day("2026-03-09"), AtwCalendar.Netherlands, Reviewer, At("2026-03-10"));

        Assert.Equal((PostReason.EmailFailed, Day("2026-03-09"), Reviewer.UserId), (dispatch.PostReason!.Value, dispatch.PostedOn!.Value, dispatch.PostedBy));
        Assert.Equal(DispatchChannel.Post, decision.Channel);
        Assert.Equal(Day("2026-03-09"), NijmegenTime.DayOf(decision.SentAt!.Value));
        Assert.Equal(Day("2026-04-20"), decision.ObjectionLastDay); // Monday 9 March + 6 weeks
        Assert.Equal(Decision.LastDayToObject(Day("2026-03-09"), AtwCalendar.Netherlands), decision.ObjectionLastDay);
        Assert.False(dispatch.NeedsPosting);
        Assert.False(dispatch.EmailAccepted(decision, At("2026-03-11"), AtwCalendar.Netherlands)); // an email sent again later changes nothing
        Assert.Equal(DispatchChannel.Post, decision.Channel);
    }

    [Fact]
    public void A_last_day_to_object_on_a_holiday_runs_on_to_the_next_working_day()
    {
        // Posted on Monday 16 March 2026: six weeks later is Monday 27 April, King's Day.
        var decision = Decided("2026-03-02");
        var dispatch = DecisionDispatch.ByPost(decision, At("2026-03-02"));

        dispatch.Posted(decision, Day("2026-03-16"), AtwCalendar.Netherlands, Reviewer, At("2026-03-20"));

        Assert.Equal(Day("2026-04-28"), decision.ObjectionLastDay);
    }

    [Theory]
    [InlineData(null, "Dispatch.Post.DateRequired")]
    [InlineData("2026-03-11", "Dispatch.Post.DateInFuture")]
    [InlineData("2026-03-01", "Dispatch.Post.DateBeforeDecision")]
    public void A_post_date_that_cannot_be_true_is_refused_and_nothing_is_sent(string? day, string key)
    {
        var decision = Decided("2026-03-02");
        var dispatch = DecisionDispatch.ByPost(decision, At("2026-03-02"));

        var error = Assert.Throws<DomainException>(() =>
            dispatch.Posted(decision, day is null ? null : Day(day), AtwCalendar.Netherlands, Reviewer, At("2026-03-10")));

        Assert.Equal(key, error.MessageKey);
        Assert.Null(decision.SentAt);
        Assert.True(dispatch.NeedsPosting);
    }

    [Fact]
    public void Only_staff_post_a_letter_only_once_and_only_when_there_is_a_post_task()
    {
        var decision = Decided("2026-03-02");
        var byEmail = DecisionDispatch.ByEmail(decision, [Guid.NewGuid()], At("2026-03-02"));
        var other = Decided("2026-03-02");
        var byPost = DecisionDispatch.ByPost(other, At("2026-03-02"));

        Assert.Equal("Dispatch.Post.NotNeeded", Assert.Throws<DomainException>(() =>
            byEmail.Posted(decision, Day("2026-03-03"), AtwCalendar.Netherlands, Reviewer, At("2026-03-03"))).MessageKey);
        Assert.Equal("Dispatch.Post.StaffOnly", Assert.Throws<DomainException>(() =>
            byPost.Posted(other, Day("2026-03-03"), AtwCalendar.Netherlands, Amina, At("2026-03-03"))).MessageKey);
        byPost.Posted(other, Day("2026-03-03"), AtwCalendar.Netherlands, Reviewer, At("2026-03-03"));
        Assert.Equal("Decision.AlreadySent", Assert.Throws<DomainException>(() =>
            byPost.Posted(other, Day("2026-03-03"), AtwCalendar.Netherlands, Reviewer, At("2026-03-03"))).MessageKey);
        Assert.Throws<ArgumentException>(() => byPost.Posted(decision, Day("2026-03-03"), AtwCalendar.Netherlands, Reviewer, At("2026-03-03")));
    }

    [Fact]
    public void A_reopened_decision_is_not_sent_any_more()
    {
        var decision = Decided("2026-03-02");
        var dispatch = DecisionDispatch.ByEmail(decision, [Guid.NewGuid()], At("2026-03-02"));
        decision.Reopen("Verkeerd bedrag", Reviewer, At("2026-03-02"));

        Assert.False(dispatch.EmailAccepted(decision, At("2026-03-02"), AtwCalendar.Netherlands));
        Assert.False(dispatch.EmailsFailed(decision, At("2026-03-02")));
        Assert.Null(decision.SentAt);
    }

    private static Decision Decided(string day)
    {
        var at = At(day);
        var organisation = CompleteGroup.For(AminaId, at);
        var application = new Application(organisation.Id, SamenDoen.Id, "nl", Amina, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), Amina, at);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day(day).AddDays(60), null, "Posters", Amina, at);
        application.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, at);
        application.StartReview(Reviewer, at);
        application.ProposeDecision(ProposedOutcome.Grant, Reviewer, at);
        application.Decide(Reviewer, at);
        return Decision.Take(application, SamenDoen, 1, null, ProposedOutcome.Grant, Money.FromEuros(800), [], null, null, "{}", Reviewer, at);
    }
}
