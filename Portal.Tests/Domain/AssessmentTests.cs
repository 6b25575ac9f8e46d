using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>
/// Issue 11 points 7 and 8: scores on the scheme's scale with weights, the rules of each proposed outcome (not processed
/// only after an unused completeness term, a return only with written consent, a partial grant with a reason per cut),
/// and four-eyes — every (partial) refusal and every grant above the threshold needs an approver who is not the assessor.
/// </summary>
public sealed class AssessmentTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly AssessmentFramework Framework = DemoFrameworks.For(DemoSchemes.SamenDoen, SamenDoen.Id)!;
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly Actor OtherReviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());

    [Fact]
    public void The_weighted_total_counts_each_score_by_its_weight_and_leaves_out_not_applicable()
    {
        var (_, assessment) = Assessing(800);
        // Reach and Participation weigh 2, the others 1 (the demo framework).
        assessment.Score(Framework, "Reach", CriterionMark.Score, 5, null, Reviewer, At("2026-02-04"));
        assessment.Score(Framework, "Feasibility", CriterionMark.Score, 1, null, Reviewer, At("2026-02-04"));
        assessment.Score(Framework, "Bridging", CriterionMark.NotApplicable, null, "Alleen moeders uit één groep.", Reviewer, At("2026-02-04"));

        // (2×5 + 1×1) / (2×5 + 1×5) = 11 / 15 = 73 %; unweighted it would be 60 %.
        Assert.Equal(73, assessment.WeightedPercentage(Framework));
        Assert.True(Framework.HasWeights);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(null)]
    public void A_score_off_the_scheme_scale_is_refused(int? score)
    {
        var (_, assessment) = Assessing(800);

        var refused = Assert.Throws<DomainException>(() => assessment.Score(Framework, "Reach", CriterionMark.Score, score, null, Reviewer, At("2026-02-04")));

        Assert.Equal("Assessment.Score.Range", refused.MessageKey);
    }

    [Fact]
    public void Only_the_assessor_writes_in_their_own_draft()
    {
        var (_, assessment) = Assessing(800);

        var refused = Assert.Throws<DomainException>(() => assessment.Score(Framework, "Reach", CriterionMark.Score, 3, null, OtherReviewer, At("2026-02-04")));

        Assert.Equal("Assessment.NotYours", refused.MessageKey);
    }

    [Fact]
    public void A_proposal_needs_every_criterion_marked_none_waiting_for_information_and_a_reason()
    {
        var (application, assessment) = Assessing(800);
        assessment.ChooseOutcome(ProposedOutcome.Grant, [], null, false, Reviewer, At("2026-02-04"));
        assessment.Score(Framework, "Reach", CriterionMark.NeedMoreInformation, null, null, Reviewer, At("2026-02-04"));

        Assert.Equal(["Assessment.Propose.ScoresMissing", "Assessment.Propose.NeedsInformation", "Assessment.Reasons.Required"],
            assessment.ProblemsWithProposal(application, Framework, Day("2026-02-04")));
        Assert.Throws<DomainException>(() => assessment.Propose(application, Framework, Reviewer, At("2026-02-04")));
        Assert.Equal(ApplicationStatus.InReview, application.Status);
    }

    [Fact]
    public void A_grant_at_or_below_the_threshold_is_decided_by_the_reviewer_without_an_approver()
    {
        var (application, assessment) = Ready(1_000, ProposedOutcome.Grant);

        assessment.Propose(application, Framework, Reviewer, At("2026-02-05"));
        Assert.False(assessment.NeedsApproval);
        assessment.Decide(application, Reviewer, At("2026-02-05"));

        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal(Money.FromEuros(1_000), assessment.GrantAmount);
        Assert.Contains(assessment.DomainEvents, e => e.Action == "application.proposal-approved" && e.Actor == Reviewer);
    }

    [Fact]
    public void A_grant_above_the_threshold_needs_an_approver_and_the_reviewer_cannot_decide_it()
    {
        var (application, assessment) = Ready(1_001, ProposedOutcome.Grant);
        assessment.Propose(application, Framework, Reviewer, At("2026-02-05"));

        Assert.True(assessment.NeedsApproval);
        var refused = Assert.Throws<DomainException>(() => assessment.Decide(application, Reviewer, At("2026-02-05")));
        Assert.Equal("Assessment.Approve.NeedsApprover", refused.MessageKey);

        assessment.Decide(application, Approver, At("2026-02-06"));
        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal(Approver.UserId, assessment.DecidedBy);
    }

    [Theory]
    [InlineData(ProposedOutcome.Refuse)]
    [InlineData(ProposedOutcome.PartialGrant)]
    public void Every_refusal_also_a_small_one_and_the_refused_part_of_a_partial_grant_goes_to_an_approver(ProposedOutcome outcome)
    {
        var (application, assessment) = Ready(200, outcome);
        assessment.Propose(application, Framework, Reviewer, At("2026-02-05"));

        Assert.True(assessment.NeedsApproval);
        Assert.Throws<DomainException>(() => assessment.Decide(application, Reviewer, At("2026-02-05")));
        Assert.Equal(ApplicationStatus.DecisionProposed, application.Status);
    }

    [Fact]
    public void An_approver_can_never_approve_their_own_proposal_nor_send_it_back()
    {
        // Someone with both roles assessed it; as approver they are still the assessor.
        var both = Guid.NewGuid();
        var (application, assessment) = Ready(2_000, ProposedOutcome.Grant, Actor.Reviewer(both));
        assessment.Propose(application, Framework, Actor.Reviewer(both), At("2026-02-05"));

        var approve = Assert.Throws<DomainException>(() => assessment.Decide(application, Actor.Approver(both), At("2026-02-05")));
        var sendBack = Assert.Throws<DomainException>(() => assessment.SendBack(application, "Kijk nog eens", Actor.Approver(both), At("2026-02-05")));

        Assert.Equal("Assessment.Approve.OwnProposal", approve.MessageKey);
        Assert.Equal("Assessment.Approve.OwnProposal", sendBack.MessageKey);
        Assert.Equal(ApplicationStatus.DecisionProposed, application.Status);
    }

    [Fact]
    public void Sent_back_with_a_note_the_application_is_in_review_and_the_draft_opens_again()
    {
        var (application, assessment) = Ready(2_000, ProposedOutcome.Grant);
        assessment.Propose(application, Framework, Reviewer, At("2026-02-05"));

        Assert.Equal("Assessment.SendBack.NoteRequired",
            Assert.Throws<DomainException>(() => assessment.SendBack(application, " ", Approver, At("2026-02-06"))).MessageKey);
        assessment.SendBack(application, "De begroting noemt geen zaalhuur.", Approver, At("2026-02-06"));

        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.Equal(AssessmentState.Draft, assessment.State);
        Assert.Equal("De begroting noemt geen zaalhuur.", assessment.SentBackNote);
        assessment.Score(Framework, "Reach", CriterionMark.Score, 4, null, Reviewer, At("2026-02-07")); // editable again
        Assert.Contains(assessment.DomainEvents, e => e.Action == "application.proposal-sent-back");
    }

    [Fact]
    public void A_partial_grant_takes_the_cuts_off_the_requested_amount_and_needs_a_reason_per_cut()
    {
        var (application, assessment) = Ready(900, ProposedOutcome.PartialGrant, cut: false);
        var line = application.BudgetLines[0];

        Assert.Contains("Assessment.Cut.Required", assessment.ProblemsWithProposal(application, Framework, Day("2026-02-05")));
        assessment.Cut(application, line.Id, Money.FromEuros(300), null, Reviewer, At("2026-02-05"));
        Assert.Contains("Assessment.Cut.ReasonRequired", assessment.ProblemsWithProposal(application, Framework, Day("2026-02-05")));
        Assert.Equal("Assessment.Cut.Range", Assert.Throws<DomainException>(() =>
            assessment.Cut(application, line.Id, Money.FromEuros(901), "Te veel", Reviewer, At("2026-02-05"))).MessageKey);
        assessment.Cut(application, line.Id, Money.FromEuros(300), "Alcohol betalen wij niet.", Reviewer, At("2026-02-05"));

        assessment.Propose(application, Framework, Reviewer, At("2026-02-05"));

        Assert.Equal(Money.FromEuros(600), assessment.GrantAmount);
        Assert.Equal(ApplicationStatus.DecisionProposed, application.Status);
    }

    [Fact]
    public void Not_processed_only_after_a_completeness_term_ran_out_unused()
    {
        var (application, assessment) = Assessing(800);
        assessment.ChooseOutcome(ProposedOutcome.NotProcess, ["NoAnswerInTime"], null, false, Reviewer, At("2026-02-04"));
        Assert.Equal(["Assessment.NotProcess.NoLapsedRequest"], assessment.ProblemsWithProposal(application, Framework, Day("2026-02-04")));

        // A request answered in time does not count; one whose term ran out does.
        var answered = application.RequestCompletion(null, Day("2026-02-18"), AtwCalendar.Netherlands, Reviewer, At("2026-02-04"));
        application.AnswerInformationRequest(answered.Id, Amina, At("2026-02-10"));
        Assert.NotEmpty(assessment.ProblemsWithProposal(application, Framework, Day("2026-02-10")));
        application.RequestCompletion(null, Day("2026-02-24"), AtwCalendar.Netherlands, Reviewer, At("2026-02-10"));
        // While the request is open, no proposal: the applicant may still send what decides it.
        Assert.Contains("Assessment.Propose.NotInReview", assessment.ProblemsWithProposal(application, Framework, Day("2026-02-20")));
        application.CloseLapsedRequests(At("2026-02-25"));

        assessment.Propose(application, Framework, Reviewer, At("2026-02-25"));
        assessment.Decide(application, Reviewer, At("2026-02-25"));
        Assert.Equal(ApplicationStatus.NotProcessed, application.Status);
    }

    [Fact]
    public void A_return_with_suggestions_needs_the_applicants_written_consent_otherwise_it_must_be_a_refusal()
    {
        var (application, assessment) = Ready(800, ProposedOutcome.ReturnWithSuggestions);
        assessment.WriteFeedback("Noem wie de avond leidt.", Reviewer, At("2026-02-05"));

        Assert.Equal(["Assessment.Return.NoConsent"], assessment.ProblemsWithProposal(application, Framework, Day("2026-02-05")));

        application.RecordDelayConsent(Day("2026-02-05"), Day("2026-03-05"), "Per e-mail van 5 februari", Amina, At("2026-02-05"));
        assessment.Propose(application, Framework, Reviewer, At("2026-02-05"));
        Assert.False(assessment.NeedsApproval);
        assessment.Decide(application, Reviewer, At("2026-02-05"));

        Assert.Equal(ApplicationStatus.ReturnedWithSuggestions, application.Status);
        Assert.Equal("Noem wie de avond leidt.", application.Suggestions);
    }

    [Theory]
    [InlineData("Wij koken samen.", 0)]
    [InlineData("Derhalve wordt uw aanvraag afgewezen.", 1)]
    [InlineData("De beschikking (het besluit) volgt.", 0)]
    [InlineData("Wij hebben uw aanvraag gelezen en wij vinden dat de activiteit niet goed past bij wat de regeling wil bereiken in de buurt.", 1)]
    public void The_plain_language_check_warns_about_long_sentences_and_unexplained_jargon(string text, int warnings) =>
        Assert.Equal(warnings, PlainLanguage.Check(text).Count);

    /// <summary>An application for <paramref name="euros"/> in review, and the reviewer's empty draft.</summary>
    private static (Application, ApplicationAssessment) Assessing(long euros, Actor? reviewer = null)
    {
        var at = At("2026-02-03");
        var organisation = CompleteGroup.For(Amina.UserId!.Value, at);
        var application = new Application(organisation.Id, SamenDoen.Id, "nl", Amina, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(euros), Amina, at);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day("2026-04-03"), null, "Posters", Amina, at);
        foreach (var kind in SamenDoen.DocumentsToUpload(application.Requested))
            application.Attach(SamenDoen, kind, "plan.pdf", "application/pdf", 1_000, Amina, at);
        application.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, at);
        application.StartReview(reviewer ?? Reviewer, at);
        return (application, new ApplicationAssessment(application, reviewer ?? Reviewer, at));
    }

    /// <summary>Every criterion scored 3, the outcome chosen with a template reason (and a cut with its reason for a partial grant).</summary>
    private static (Application, ApplicationAssessment) Ready(long euros, ProposedOutcome outcome, Actor? reviewer = null, bool cut = true)
    {
        var by = reviewer ?? Reviewer;
        var (application, assessment) = Assessing(euros, by);
        var at = At("2026-02-04");
        foreach (var criterion in Framework.Criteria) assessment.Score(Framework, criterion.Key, CriterionMark.Score, 3, null, by, at);
        assessment.ChooseOutcome(outcome, [ReasonTemplates.For(outcome)[0]], null, false, by, at);
        if (outcome == ProposedOutcome.PartialGrant && cut)
            assessment.Cut(application, application.BudgetLines[0].Id, Money.FromEuros(euros / 2), "Te duur", by, at);
        return (application, assessment);
    }
}
