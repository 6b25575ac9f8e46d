using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>
/// The besluit (issue 12): its kind follows the scheme's threshold, a verlening writes out its obligations and when the
/// vaststelling is due, the six weeks to object run from the day after sending (Atw), and a reopened decision stays on file.
/// </summary>
public sealed class DecisionTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());

    [Theory]
    [InlineData(ProposedOutcome.Grant, 5000, DecisionKind.DirectVaststelling)]
    [InlineData(ProposedOutcome.PartialGrant, 1800, DecisionKind.DirectVaststelling)]
    [InlineData(ProposedOutcome.Grant, 5001, DecisionKind.Verlening)]
    [InlineData(ProposedOutcome.Refuse, null, DecisionKind.Refusal)]
    [InlineData(ProposedOutcome.NotProcess, null, DecisionKind.NotProcessed)]
    public void A_grant_up_to_the_schemes_threshold_is_final_at_once_and_above_it_verleend(ProposedOutcome outcome, int? euros, DecisionKind kind) =>
        Assert.Equal(kind, Decision.KindFor(outcome, euros is { } e ? Money.FromEuros(e) : null, SamenDoen));

    [Fact]
    public void The_scheme_sets_its_own_threshold_and_a_return_is_no_decision()
    {
        var scheme = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
        scheme.SettleDirectlyUpTo(Money.FromEuros(1000));

        Assert.Equal(DecisionKind.Verlening, Decision.KindFor(ProposedOutcome.Grant, Money.FromEuros(1800), scheme));
        Assert.Equal("Decision.Return.NotADecision",
            Assert.Throws<DomainException>(() => Decision.KindFor(ProposedOutcome.ReturnWithSuggestions, null, scheme)).MessageKey);
    }

    [Theory]
    // Sent on Tuesday 3 March: up to and including Tuesday 14 April.
    [InlineData("2026-03-03", "2026-04-14")]
    // Six weeks from the day after 24 March end on 5 May, a holiday under the Atw every year: the next working day.
    [InlineData("2026-03-24", "2026-05-06")]
    // Sent on Friday 20 February 2026: six weeks later is Good Friday 3 April, then a weekend and Easter Monday: Tuesday 7 April.
    [InlineData("2026-02-20", "2026-04-07")]
    public void The_six_weeks_to_object_run_from_the_day_after_sending_and_end_on_a_working_day(string sentOn, string lastDay) =>
        Assert.Equal(Day(lastDay), Decision.LastDayToObject(Day(sentOn), AtwCalendar.Netherlands));

    [Fact]
    public void A_verlening_writes_out_its_obligations_and_the_vaststelling_is_due_13_weeks_after_the_activity()
    {
        var (application, decision) = Decided(ProposedOutcome.Grant, "2026-03-02", Money.FromEuros(6000));

        Assert.Equal(DecisionKind.Verlening, decision.Kind);
        Assert.Equal(application.EndsOn ?? application.StartsOn, decision.ActivityEndsOn);
        Assert.Equal(decision.ActivityEndsOn!.Value.AddDays(91), decision.VaststellingDueOn);
        Assert.Equal(Decision.VerleningObligations, decision.Obligations);
        Assert.Null(decision.SentAt);
        Assert.Null(decision.ObjectionLastDay); // not sent: the term has not started
        var taken = Assert.Single(decision.DomainEvents.OfType<DecisionTaken>());
        Assert.Equal("application.decision-taken", taken.Action);
    }

    [Fact]
    public void A_direct_vaststelling_has_no_obligations_to_report_on_and_keeps_the_application_as_decided_on()
    {
        var (application, decision) = Decided(ProposedOutcome.Grant, "2026-03-02", Money.FromEuros(800));

        Assert.Equal(DecisionKind.DirectVaststelling, decision.Kind);
        Assert.Empty(decision.Obligations);
        Assert.Null(decision.VaststellingDueOn);
        Assert.Contains("\"Title\":\"Kookavond\"", decision.ApplicationSnapshot);
        Assert.Contains(application.Reference!, decision.ApplicationSnapshot);
    }

    [Fact]
    public void Sending_sets_the_last_day_to_object_once()
    {
        var (_, decision) = Decided(ProposedOutcome.Refuse, "2026-03-02", null);

        decision.Sent(DispatchChannel.Post, At("2026-03-03"), AtwCalendar.Netherlands, Reviewer);

        Assert.Equal(Day("2026-04-14"), decision.ObjectionLastDay);
        Assert.Equal(DispatchChannel.Post, decision.Channel);
        Assert.Equal("Decision.AlreadySent", Assert.Throws<DomainException>(() =>
            decision.Sent(DispatchChannel.Email, At("2026-03-04"), AtwCalendar.Netherlands, Reviewer)).MessageKey);
        Assert.Equal(Day("2026-04-14"), decision.ObjectionLastDay);
    }

    [Fact]
    public void Only_a_members_first_opening_is_recorded()
    {
        var (_, decision) = Decided(ProposedOutcome.Grant, "2026-03-02", Money.FromEuros(800));

        decision.OpenedByApplicant(Reviewer, At("2026-03-03"));
        Assert.Null(decision.FirstOpenedAt);
        decision.OpenedByApplicant(Actor.Applicant(Guid.NewGuid()), At("2026-03-04"));
        decision.OpenedByApplicant(Actor.Applicant(Guid.NewGuid()), At("2026-03-05"));

        Assert.Equal(At("2026-03-04"), decision.FirstOpenedAt);
        Assert.Single(decision.DomainEvents.OfType<DecisionOpened>());
    }

    [Fact]
    public void A_reopened_decision_no_longer_stands_and_needs_a_reason()
    {
        var (_, decision) = Decided(ProposedOutcome.Refuse, "2026-03-02", null);

        Assert.Equal("Decision.Reopen.ReasonRequired", Assert.Throws<DomainException>(() => decision.Reopen(" ", Approver, At("2026-03-10"))).MessageKey);
        decision.Reopen("Bezwaar gegrond: de zaalhuur viel wel onder de regeling.", Approver, At("2026-03-10"));

        Assert.False(decision.Stands);
        Assert.Equal("Decision.AlreadyReopened", Assert.Throws<DomainException>(() => decision.Reopen("nog eens", Approver, At("2026-03-11"))).MessageKey);
    }

    [Fact]
    public void A_decision_is_taken_only_on_a_decided_application()
    {
        var (application, _) = ReturnAndDecisionTests.InReview("2026-03-02");

        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => Decision.Take(application, SamenDoen, 1, null,
            ProposedOutcome.Grant, Money.FromEuros(800), [], null, null, "{}", Reviewer, At("2026-03-02"))).MessageKey);
    }

    private static (Application, Decision) Decided(ProposedOutcome outcome, string day, Money? amount)
    {
        var (application, _) = ReturnAndDecisionTests.InReview(day);
        application.ProposeDecision(outcome, Reviewer, At(day));
        application.Decide(Approver, At(day));
        return (application, Decision.Take(application, SamenDoen, 1, null, outcome, amount, ["FitsScheme"], null, null,
            ApplicationSnapshot.Of(application), Approver, At(day)));
    }
}
