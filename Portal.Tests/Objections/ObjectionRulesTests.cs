using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Tests.Domain;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Objections;

/// <summary>
/// Issue 12, points 4 and 5 in the domain: an objection (bezwaar) within six weeks from the day after sending is on time, up
/// to and including the last day, which a weekend day or an Atw holiday (Good Friday, 5 May) moves on; later it is still
/// received and marked late (art. 6:11 Awb); only the applicant's side objects, with words. Reopening is the approver's, with
/// a reason: the decision stays readable and no longer stands, the application goes back to review, a grant's budget is
/// held again in its place.
/// </summary>
public sealed class ObjectionRulesTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 12, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly Actor CoachWhoEdits = Actor.Coach(Guid.NewGuid());
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());

    [Theory]
    // Sent on a Tuesday: the last day is the Tuesday six weeks later.
    [InlineData("2026-09-01", "2026-10-13")]
    // Six weeks after 12 February 2027 is Good Friday (26 March); Easter Monday follows: Tuesday 30 March.
    [InlineData("2027-02-12", "2027-03-30")]
    // Six weeks after 24 March 2026 is 5 May, an Atw holiday every year: Wednesday 6 May.
    [InlineData("2026-03-24", "2026-05-06")]
    // Six weeks after a Saturday send is a Saturday: the Monday after.
    [InlineData("2026-09-05", "2026-10-19")]
    public void The_last_day_is_six_weeks_from_the_day_after_sending_moved_past_weekends_and_holidays(string sentOn, string lastDay)
    {
        var decision = DecisionOn(Decided(sentOn).Application, sentOn);
        decision.Sent(DispatchChannel.Email, At(sentOn), AtwCalendar.Netherlands, Reviewer);

        Assert.Equal(Day(lastDay), Objection.LastDayFor(decision, AtwCalendar.Netherlands));
    }

    [Fact]
    public void On_the_last_day_itself_an_objection_is_on_time_and_the_day_after_it_is_received_but_marked_late()
    {
        var (application, _) = Decided("2027-02-12");
        var decision = DecisionOn(application, "2027-02-12");
        decision.Sent(DispatchChannel.Post, At("2027-02-12"), AtwCalendar.Netherlands, Reviewer);

        // Good Friday, Easter Monday: the last day is Tuesday 30 March 2027, late in the evening still counts.
        var onTheDay = Objection.Lodge(application, decision, "Ik ben het niet eens.", Amina, At("2027-03-30").AddHours(14), AtwCalendar.Netherlands);
        var dayAfter = Objection.Lodge(application, decision, "Ik ben het niet eens.", Amina, At("2027-03-31"), AtwCalendar.Netherlands);

        Assert.False(onTheDay.IsLate);
        Assert.True(dayAfter.IsLate);
        Assert.Equal((Day("2027-03-30"), Day("2027-03-31")), (dayAfter.LastDay, dayAfter.ReceivedOn));
        var lodged = Assert.Single(dayAfter.DomainEvents.OfType<ObjectionLodged>());
        Assert.Equal("application.objection-lodged", lodged.Action);
        Assert.Contains("late; last day 2027-03-30", lodged.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("niet eens", lodged.Detail, StringComparison.Ordinal); // never what was written
    }

    [Fact]
    public void A_decision_not_sent_yet_counts_its_six_weeks_from_the_decision_date()
    {
        var (application, _) = Decided("2026-09-01");
        var decision = DecisionOn(application, "2026-09-01");

        var objection = Objection.Lodge(application, decision, "Te weinig geld.", Amina, At("2026-10-13"), AtwCalendar.Netherlands);

        Assert.Null(decision.ObjectionLastDay);
        Assert.Equal(Day("2026-10-13"), objection.LastDay);
        Assert.False(objection.IsLate);
    }

    [Fact]
    public void Arabic_and_emoji_are_kept_as_typed_and_invisible_formatting_is_removed()
    {
        var (application, _) = Decided("2026-09-01");
        var decision = DecisionOn(application, "2026-09-01");

        var objection = Objection.Lodge(application, decision, "  \u200Fلا أوافق على القرار 🙏\r\n\r\nWij kregen te weinig.  ", CoachWhoEdits,
            At("2026-09-10"), AtwCalendar.Netherlands);

        Assert.Equal("لا أوافق على القرار 🙏\n\nWij kregen te weinig.", objection.Text);
        Assert.Equal(ActorRole.Coach, objection.LodgedAs);
    }

    [Theory]
    [InlineData("", "Objection.Error.TextRequired")]
    [InlineData("   \n ", "Objection.Error.TextRequired")]
    public void Without_words_an_objection_is_refused_plainly(string text, string key)
    {
        var (application, _) = Decided("2026-09-01");
        Assert.Equal(key, Assert.Throws<DomainException>(() =>
            Objection.Lodge(application, DecisionOn(application, "2026-09-01"), text, Amina, At("2026-09-10"), AtwCalendar.Netherlands)).MessageKey);
    }

    [Fact]
    public void Too_long_a_text_is_refused_and_staff_cannot_object_for_the_applicant()
    {
        var (application, _) = Decided("2026-09-01");
        var decision = DecisionOn(application, "2026-09-01");

        Assert.Equal("Objection.Error.TooLong", Assert.Throws<DomainException>(() =>
            Objection.Lodge(application, decision, new string('a', Objection.MaxTextLength + 1), Amina, At("2026-09-10"), AtwCalendar.Netherlands)).MessageKey);
        Assert.Equal("Application.NotYours", Assert.Throws<DomainException>(() =>
            Objection.Lodge(application, decision, "Nee", Reviewer, At("2026-09-10"), AtwCalendar.Netherlands)).MessageKey);
    }

    [Fact]
    public void The_decision_on_an_objection_is_due_six_weeks_after_the_term_to_object_ended_or_after_a_late_one_came()
    {
        var (application, _) = Decided("2026-09-01");
        var decision = DecisionOn(application, "2026-09-01");
        decision.Sent(DispatchChannel.Email, At("2026-09-01"), AtwCalendar.Netherlands, Reviewer);

        // On time (last day Tuesday 13 October 2026): six weeks from the day after the term ended, Tuesday 24 November.
        var onTime = Objection.Lodge(application, decision, "Te weinig geld.", Amina, At("2026-09-20"), AtwCalendar.Netherlands);
        // Late, received on Monday 14 December 2026: six weeks from the day after it came is Monday 25 January 2027.
        var late = Objection.Lodge(application, decision, "Te weinig geld.", Amina, At("2026-12-14"), AtwCalendar.Netherlands);

        Assert.Equal(Day("2026-11-24"), onTime.DecideBy(AtwCalendar.Netherlands));
        Assert.Equal(Day("2027-01-25"), late.DecideBy(AtwCalendar.Netherlands));
    }

    [Fact]
    public void Once_decided_the_application_term_is_over_so_a_reopened_decision_offers_no_notice_of_default_on_it()
    {
        var (application, _) = Decided("2026-09-01");
        var decision = DecisionOn(application, "2026-09-01");
        decision.Reopen("Wij kijken opnieuw.", Approver, At("2026-09-10"));
        application.ReopenForReview(Approver, At("2026-09-10"));

        // Months after the application's own term: still no notice of default on it (the objection's term counts now).
        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.False(application.MaySendDefaultNotice(SamenDoen, At("2027-03-01")));
        Assert.Equal("Default.NotYet", Assert.Throws<DomainException>(() =>
            application.SendDefaultNotice(SamenDoen, null, Amina, At("2027-03-01"))).MessageKey);
    }

    [Fact]
    public void Only_an_approver_reopens_with_a_reason_the_version_stays_readable_and_the_application_is_reviewed_again()
    {
        var (application, _) = Decided("2026-09-01");
        var decision = DecisionOn(application, "2026-09-01");

        Assert.Equal("Decision.Reopen.ReasonRequired", Assert.Throws<DomainException>(() => decision.Reopen("  ", Approver, At("2026-09-10"))).MessageKey);
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => application.ReopenForReview(Reviewer, At("2026-09-10"))).MessageKey);
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => application.ReopenForReview(Amina, At("2026-09-10"))).MessageKey);
        Assert.True(decision.Stands);
        Assert.Equal(ApplicationStatus.Granted, application.Status);

        decision.Reopen("Het bedrag was verkeerd berekend.", Approver, At("2026-09-10"));
        application.ReopenForReview(Approver, At("2026-09-10"));

        Assert.False(decision.Stands);
        Assert.Equal((1, 80_000L), (decision.Number, decision.AmountCents!.Value)); // what was decided stays as it was
        Assert.Equal("Het bedrag was verkeerd berekend.", decision.ReopenReason);
        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.Null(application.ProposedOutcome);
        Assert.Equal("Decision.AlreadyReopened", Assert.Throws<DomainException>(() => decision.Reopen("Nog eens", Approver, At("2026-09-11"))).MessageKey);
        // A decision that no longer stands takes no objection.
        Assert.Equal("Objection.Error.NoDecision", Assert.Throws<DomainException>(() =>
            Objection.Lodge(application, decision, "Nee", Amina, At("2026-09-11"), AtwCalendar.Netherlands)).MessageKey);
    }

    [Fact]
    public void A_reopened_grant_holds_its_request_again_in_its_old_place_and_the_ceiling_still_holds()
    {
        var scheme = new Scheme("samen-doen", Money.FromEuros(100), Money.FromEuros(2_500), Money.FromEuros(1_000), new DateOnly(2026, 12, 31), 8, true,
            Money.FromEuros(1_000));
        var budget = new SchemeBudget(scheme.Id);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        budget.Reserve(first, Money.FromEuros(800), Amina, At("2026-09-01"));
        budget.Reserve(second, Money.FromEuros(600), Amina, At("2026-09-02"));
        budget.HoldDraws(Day("2026-09-10"), At("2026-09-10"));
        budget.Grant(scheme, first, Money.FromEuros(700), Approver, At("2026-09-10"));
        var placeBefore = budget.LiveReservationOf(first)!.DrawPosition;

        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() => budget.ReopenGrant(first, Reviewer, At("2026-09-20"))).MessageKey);
        budget.ReopenGrant(first, Approver, At("2026-09-20"));

        var reservation = budget.LiveReservationOf(first)!;
        Assert.Equal((ReservationState.Reserved, (long?)null, Day("2026-09-01"), placeBefore),
            (reservation.State, reservation.GrantedCents, reservation.CompleteOn, reservation.DrawPosition));
        var remaining = budget.Remaining(scheme);
        Assert.Equal((Money.Zero, Money.FromEuros(1_400)), (remaining.Granted, remaining.Reserved));
        Assert.Contains(budget.DomainEvents, e => e is BudgetGrantReopened { WasGranted.Cents: 70_000 });
        // The later application still cannot take what is held for the reopened one, earlier in the order.
        Assert.Equal("Ceiling.HeldForEarlier", Assert.Throws<DomainException>(() =>
            budget.Grant(scheme, second, Money.FromEuros(600), Approver, At("2026-09-21"))).MessageKey);
        // The new decision spends it again under every rule of the ceiling.
        budget.Grant(scheme, first, Money.FromEuros(800), Approver, At("2026-09-21"));
        Assert.Equal(Money.FromEuros(800), budget.Remaining(scheme).Granted);
        Assert.Equal("Ceiling.Exceeded", Assert.Throws<DomainException>(() =>
            budget.Grant(scheme, second, Money.FromEuros(600), Approver, At("2026-09-21"))).MessageKey);
    }

    /// <summary>An application granted (€ 800) on <paramref name="day"/>, through the domain's verbs.</summary>
    private static (Application Application, Organisation Organisation) Decided(string day)
    {
        var at = At(day).AddDays(-14);
        var organisation = CompleteGroup.For(Amina.UserId!.Value, at);
        var application = new Application(organisation.Id, SamenDoen.Id, "nl", Amina, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), Amina, at);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day(day).AddDays(60), null, "Posters", Amina, at);
        application.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, at);
        application.StartReview(Reviewer, at);
        application.ProposeDecision(ProposedOutcome.Grant, Reviewer, At(day));
        application.Decide(Reviewer, At(day));
        return (application, organisation);
    }

    private static Decision DecisionOn(Application application, string day) =>
        Decision.Take(application, SamenDoen, 1, null, ProposedOutcome.Grant, Money.FromEuros(800), ["FitsScheme"], null, null,
            ApplicationSnapshot.Of(application), Reviewer, At(day));
}
