using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>
/// Issue 12, point 8: with the group's written consent to a delay, a return reopens the application with each suggestion
/// at the question it is about; submitting again keeps the reference and the suspended decision term runs on from there.
/// Without consent a return is refused: it must be a refusal, whose letter carries the suggestions and the objection clause.
/// </summary>
public sealed class ReturnWithSuggestionsAtQuestionsTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());

    private static string AtQuestions(params (QuestionKey Key, string Text)[] suggestions) =>
        QuestionSuggestions.Write(suggestions.Select(s => KeyValuePair.Create(s.Key, (string?)s.Text)));

    [Fact]
    public void Each_suggestion_is_shown_at_its_question_until_the_group_submits_again_under_the_same_reference_and_the_term_runs_on()
    {
        var (application, organisation) = InReview("2026-02-03");
        application.RecordDelayConsent(Day("2026-02-10"), Day("2026-03-10"), "Ja, ik wil mijn aanvraag verbeteren (aangevinkt)", Amina, At("2026-02-10"));
        application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, Reviewer, At("2026-02-10"), "Goed plan. Maak het nog wat duidelijker.",
            AtQuestions((QuestionKey.Description, "Zeg ook wie de kookavond leidt."), (QuestionKey.Costs, "Splits de boodschappen per avond.")));
        application.Decide(Reviewer, At("2026-02-10"));

        Assert.Equal(ApplicationStatus.ReturnedWithSuggestions, application.Status);
        Assert.Equal("Zeg ook wie de kookavond leidt.", application.SuggestionAt(QuestionKey.Description));
        Assert.Equal("Splits de boodschappen per avond.", application.SuggestionAt(QuestionKey.Costs));
        Assert.Null(application.SuggestionAt(QuestionKey.Title));
        // While the group improves it, the term stands still (from the day after the consent).
        var during = application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-02-15"))!;
        Assert.True(during.SuspendedNow);

        application.DescribeActivity("Kookavond", "Wij koken samen. Fatma leidt de avond.", "Moeders", 25, "Zuid/Hatert",
            Day("2026-04-10"), null, "Posters", Amina, At("2026-02-20"));
        application.Submit(SamenDoen, organisation, declarationAccepted: true, reference: null, Amina, At("2026-02-20"));

        Assert.Equal("NIJ-2026-00042", application.Reference);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Null(application.SuggestionAt(QuestionKey.Description)); // sent again: the tips are no longer shown at the questions
        // Received 3 February: eight weeks end on 31 March. Suspended 11–19 February (9 days), so the term runs on to 9 April.
        var after = application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-03-01"))!;
        Assert.False(after.SuspendedNow);
        Assert.Equal(9, after.SuspendedDays);
        Assert.Equal(Day("2026-04-09"), after.LegalDate);
        Assert.Equal(Day("2026-03-31"), InReview("2026-02-03").Application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-03-01"))!.LegalDate);
    }

    [Fact]
    public void When_the_consented_delay_ends_unused_the_term_runs_on_from_its_last_day()
    {
        var (application, _) = InReview("2026-02-03");
        application.RecordDelayConsent(Day("2026-02-10"), Day("2026-03-10"), "Brief van 10 februari", Reviewer, At("2026-02-10"));
        application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, Reviewer, At("2026-02-10"), null,
            AtQuestions((QuestionKey.ForWhom, "Voor wie precies?")));
        application.Decide(Reviewer, At("2026-02-10"));

        Assert.Equal("DelayConsent.StillRunning", Assert.Throws<DomainException>(() => application.ResumeReview(Reviewer, At("2026-03-10"))).MessageKey);
        application.ResumeReview(Actor.System, At("2026-03-11"));

        // Suspended 11 February up to and including 10 March: 28 days on top of 31 March is 28 April.
        var term = application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-03-12"))!;
        Assert.Equal(28, term.SuspendedDays);
        Assert.Equal(Day("2026-04-28"), term.LegalDate);
        Assert.Null(application.SuggestionAt(QuestionKey.ForWhom));
    }

    [Fact]
    public void Without_consent_a_return_cannot_be_proposed_nor_decided_and_a_refusal_carries_the_suggestions()
    {
        var (application, _) = InReview("2026-02-03");
        var framework = new AssessmentFramework(SamenDoen.Id, 5, Money.FromEuros(2_500), false, ("Plan", 1));
        var draft = new ApplicationAssessment(application, Reviewer, At("2026-02-10"));
        draft.WriteFeedback("Maak het plan concreter.", Reviewer, At("2026-02-10"));
        draft.ChooseOutcome(ProposedOutcome.ReturnWithSuggestions, [], "Tips", false, Reviewer, At("2026-02-10"));

        Assert.Contains("Assessment.Return.NoConsent", draft.ProblemsWithProposal(application, framework, Day("2026-02-10")));
        // Even past the assessment (a forged form), the application refuses to go back without consent.
        application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, Reviewer, At("2026-02-10"), "Maak het plan concreter.");
        Assert.Equal("Decision.Return.ConsentRequired", Assert.Throws<DomainException>(() => application.Decide(Reviewer, At("2026-02-10"))).MessageKey);

        application.SendProposalBack(Actor.Approver(Guid.NewGuid()), At("2026-02-11"));
        application.ProposeDecision(ProposedOutcome.Refuse, Reviewer, At("2026-02-11"), "Maak het plan concreter.",
            AtQuestions((QuestionKey.Description, "Wie leidt de avond?")));
        application.Decide(Actor.Approver(Guid.NewGuid()), At("2026-02-11"));

        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("Maak het plan concreter.", application.Suggestions); // the letter renders these, with the objection clause
        Assert.Empty(application.SuggestionsAtQuestions); // nothing reopens, so nothing is shown at a question
    }

    [Fact]
    public void A_suggestion_is_kept_only_at_a_real_question_and_within_its_length()
    {
        var (application, _) = InReview("2026-02-03");
        var draft = new ApplicationAssessment(application, Reviewer, At("2026-02-10"));

        draft.SuggestAt(QuestionKey.Title, "  Een kortere titel?  ", Reviewer, At("2026-02-10"));
        draft.SuggestAt(QuestionKey.Where, "مكان أقرب للأمهات 🙂", Reviewer, At("2026-02-10"));
        draft.SuggestAt(QuestionKey.Where, " ", Reviewer, At("2026-02-10")); // emptied: removed

        Assert.Equal(new Dictionary<QuestionKey, string> { [QuestionKey.Title] = "Een kortere titel?" }, draft.SuggestionsAtQuestions);
        Assert.Equal("Answer.TooLong", Assert.Throws<DomainException>(() =>
            draft.SuggestAt(QuestionKey.Title, new string('x', QuestionSuggestions.MaxLength + 1), Reviewer, At("2026-02-10"))).MessageKey);
        Assert.Equal("Assessment.NotYours", Assert.Throws<DomainException>(() =>
            draft.SuggestAt(QuestionKey.Title, "Iets", Actor.Reviewer(Guid.NewGuid()), At("2026-02-10"))).MessageKey);
        // A forged or outdated key in the stored JSON is never shown.
        Assert.Empty(QuestionSuggestions.Read("""{"activity.secret":"x","<script>":"y"}"""));
    }

    private static (Application Application, Organisation Organisation) InReview(string day)
    {
        var at = At(day);
        var organisation = CompleteGroup.For(Amina.UserId!.Value, at);
        var application = new Application(organisation.Id, SamenDoen.Id, "nl", Amina, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), Amina, at);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day(day).AddDays(60), null, "Posters", Amina, at);
        application.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, at);
        application.StartReview(Reviewer, at);
        return (application, organisation);
    }
}
