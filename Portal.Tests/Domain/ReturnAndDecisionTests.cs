using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>
/// Returning an application with suggestions (issue 8 §4). Under the Awb a return is no outcome of its own: it rests on
/// the applicant's written consent to a delay (art. 4:15(2)(a)), or it is a (partial) refusal that says what could be
/// better and carries the objection clause. Both are possible; the first reopens the application, which keeps its
/// reference and its history when it is submitted again. And the verbs ask the state machine with the actor's role.
/// </summary>
public sealed class ReturnAndDecisionTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly Actor Coach = Actor.Coach(Guid.NewGuid());
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());

    [Fact]
    public void With_written_consent_a_return_reopens_the_application_and_the_new_submission_keeps_its_reference_and_history()
    {
        var (application, organisation) = InReview("2026-02-03");
        application.RecordDelayConsent(Day("2026-02-10"), Day("2026-03-10"), "Ja, ik wil mijn aanvraag verbeteren (aangevinkt)", Amina, At("2026-02-10"));
        application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, Reviewer, At("2026-02-10"), "Noem ook wie de kookavond leidt.");

        application.Decide(Reviewer, At("2026-02-10"));

        Assert.Equal(ApplicationStatus.ReturnedWithSuggestions, application.Status);
        Assert.True(application.IsEditable);
        Assert.Equal("Noem ook wie de kookavond leidt.", application.Suggestions);

        application.DescribeActivity("Kookavond", "Wij koken samen. Fatma leidt de avond.", "Moeders", 25, "Zuid/Hatert",
            Day("2026-04-10"), null, "Posters", Amina, At("2026-02-20"));
        application.Submit(SamenDoen, organisation, declarationAccepted: true, reference: null, Amina, At("2026-02-20"));

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal("NIJ-2026-00042", application.Reference);
        Assert.Equal(At("2026-02-03"), application.SubmittedAt); // the term still runs from the first receipt
        Assert.Equal(
            [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.DecisionProposed,
                ApplicationStatus.ReturnedWithSuggestions, ApplicationStatus.Submitted],
            application.Events.Select(e => e.Status));
        Assert.False(application.HasActiveDelayConsent(Day("2026-02-21"))); // submitting again ends the consented delay
        Assert.Contains(application.DomainEvents.OfType<ApplicationStatusChanged>(), e => e.To == ApplicationStatus.Submitted
            && e.Detail == "from ReturnedWithSuggestions; NIJ-2026-00042 submitted again");
    }

    [Fact]
    public void Without_consent_a_return_is_refused_and_must_be_a_decision()
    {
        var (application, _) = InReview("2026-02-03");
        application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, Reviewer, At("2026-02-10"), "Noem ook wie de kookavond leidt.");

        var refused = Assert.Throws<DomainException>(() => application.Decide(Reviewer, At("2026-02-10")));

        Assert.Equal("Decision.Return.ConsentRequired", refused.MessageKey);
        Assert.Equal(ApplicationStatus.DecisionProposed, application.Status);
    }

    [Fact]
    public void A_partial_refusal_may_say_what_could_be_better_and_carries_the_objection_clause()
    {
        var (application, _) = InReview("2026-02-03");
        application.ProposeDecision(ProposedOutcome.PartialGrant, Reviewer, At("2026-03-24"), "De huur van de zaal is hoger dan gebruikelijk.");

        application.Decide(Approver, At("2026-03-24"));

        Assert.Equal(ApplicationStatus.PartiallyGranted, application.Status);
        Assert.False(application.IsEditable);
        Assert.Equal("De huur van de zaal is hoger dan gebruikelijk.", application.Suggestions);
    }

    [Theory]
    [InlineData(ProposedOutcome.Grant)]
    [InlineData(ProposedOutcome.NotProcess)]
    public void Suggestions_go_only_with_a_return_or_a_refusal(ProposedOutcome outcome)
    {
        var (application, _) = InReview("2026-02-03");

        var refused = Assert.Throws<DomainException>(() => application.ProposeDecision(outcome, Reviewer, At("2026-02-10"), "Iets"));

        Assert.Equal("Decision.Suggestions.NotForThisOutcome", refused.MessageKey);
    }

    [Fact]
    public void A_return_says_what_to_improve()
    {
        var (application, _) = InReview("2026-02-03");

        var refused = Assert.Throws<DomainException>(() =>
            application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, Reviewer, At("2026-02-10"), " "));

        Assert.Equal("Decision.Return.SuggestionsRequired", refused.MessageKey);
    }

    [Fact]
    public void A_refusal_needs_the_approver()
    {
        var (application, _) = InReview("2026-02-03");
        application.ProposeDecision(ProposedOutcome.Refuse, Reviewer, At("2026-02-10"));

        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => application.Decide(Reviewer, At("2026-02-10"))).MessageKey);
        application.Decide(Approver, At("2026-02-11"));
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
    }

    [Fact]
    public void The_verbs_ask_the_state_machine_with_the_actors_role()
    {
        var (application, organisation) = Submitted("2026-02-03");

        // The applicant cannot take their own application into review, nor can a reviewer submit or fill it in.
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => application.StartReview(Amina, At("2026-02-04"))).MessageKey);
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => application.StartReview(Actor.System, At("2026-02-04"))).MessageKey);
        application.StartReview(Reviewer, At("2026-02-04"));
        Assert.Equal("Application.TransitionNotAllowed",
            Assert.Throws<DomainException>(() => application.ProposeDecision(ProposedOutcome.Grant, Coach, At("2026-02-05"))).MessageKey);
        // A coach with consent to edit may withdraw on the applicant's behalf; the portal itself never withdraws.
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => application.Withdraw(Reviewer, At("2026-02-05"))).MessageKey);
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => application.Withdraw(Actor.System, At("2026-02-05"))).MessageKey);
        application.Withdraw(Coach, At("2026-02-05"));
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);

        var draft = new Application(organisation.Id, SamenDoen.Id, "nl", Amina, At("2026-02-03"));
        Assert.Equal("Application.NotYours", Assert.Throws<DomainException>(() =>
            draft.DescribeActivity("Kookavond", null, null, null, null, null, null, null, Reviewer, At("2026-02-03"))).MessageKey);
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() =>
            new Application(organisation.Id, SamenDoen.Id, "nl", Reviewer, At("2026-02-03"))).MessageKey);
    }

    [Fact]
    public void A_coach_allowed_to_edit_fills_in_and_submits_on_the_applicants_behalf_and_the_events_name_the_coach()
    {
        var (draft, organisation) = Draft("2026-02-03", Amina);
        draft.ClearDomainEvents();

        draft.DescribeActivity("Kookavond voor moeders", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day("2026-04-03"), null,
            "Posters", Coach, At("2026-02-03"));
        draft.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Coach, At("2026-02-03"));

        Assert.Equal(ApplicationStatus.Submitted, draft.Status);
        Assert.All(draft.DomainEvents, e => Assert.Equal(Coach, e.Actor));
        // A coach's edit is audited; the same edit by a member is not (they edit their own application all day).
        Assert.All(draft.DomainEvents.OfType<ApplicationAnswerChanged>(), e => Assert.True(e.Audited));
        Assert.False(new ApplicationAnswerChanged(draft.Id, QuestionKey.Title, Amina, At("2026-02-03")).Audited);
    }

    private static (Application, Organisation) Draft(string day, Actor by)
    {
        var at = At(day);
        var organisation = CompleteGroup.For(Amina.UserId!.Value, at);
        var application = new Application(organisation.Id, SamenDoen.Id, "nl", by, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), by, at);
        return (application, organisation);
    }

    internal static (Application, Organisation) Submitted(string day)
    {
        var at = At(day);
        var (application, organisation) = Draft(day, Amina);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day(day).AddDays(60), null, "Posters", Amina, at);
        application.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, at);
        return (application, organisation);
    }

    internal static (Application, Organisation) InReview(string day)
    {
        var (application, organisation) = Submitted(day);
        application.StartReview(Reviewer, At(day));
        return (application, organisation);
    }
}
