using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Schemes;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>
/// Issue 11, point 9: a scheme's budget ceiling filled in its published order (art. 4:25 Awb). Budget is held when an
/// application becomes complete; an approval may use only what is neither granted nor held for an application earlier in
/// the order; applications complete on one day are put in order by a recorded, reproducible draw; a request larger than
/// what is left gets a partial offer; a refusal or withdrawal gives the budget back.
/// </summary>
public sealed class SchemeBudgetTests
{
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());
    private static readonly Actor Applicant = Actor.Applicant(Guid.NewGuid());

    /// <summary>A scheme (id 0, like the budget below) with a ceiling of <paramref name="ceilingEuros"/>, closing on 30 June 2026.</summary>
    private static Scheme SchemeWithCeiling(long ceilingEuros) =>
        new("samen-doen", Money.FromEuros(100), Money.FromEuros(2_500), Money.FromEuros(1_000), new DateOnly(2026, 6, 30), 8, true,
            Money.FromEuros(ceilingEuros));

    private static Guid Complete(SchemeBudget budget, long euros, string day, int hour = 10)
    {
        var id = Guid.NewGuid();
        budget.Reserve(id, Money.FromEuros(euros), Applicant, At(day).AddHours(hour - 9)); // At() is 09:00 in Nijmegen
        return id;
    }

    [Fact]
    public void An_approval_cannot_use_budget_held_for_an_application_complete_on_an_earlier_day_but_gets_a_partial_offer_of_the_rest()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id);
        var first = Complete(budget, 600, "2026-03-02");
        var second = Complete(budget, 600, "2026-03-03");
        var now = At("2026-04-01");
        budget.HoldDraws(Day("2026-04-01"), now);

        var refused = Assert.Throws<DomainException>(() => budget.Grant(scheme, second, Money.FromEuros(600), Approver, now));
        Assert.Equal("Ceiling.HeldForEarlier", refused.MessageKey);

        var offer = budget.Offer(scheme, second, Day("2026-04-01"));
        Assert.Equal(BudgetOfferKind.Partial, offer.Kind);
        Assert.Equal(Money.FromEuros(400), offer.Amount);
        Assert.Equal(Money.FromEuros(200), offer.RefusedForCeiling);
        Assert.Equal(BudgetOfferKind.Full, budget.Offer(scheme, first, Day("2026-04-01")).Kind);

        budget.Grant(scheme, second, offer.Amount, Approver, now);
        budget.Grant(scheme, first, Money.FromEuros(600), Approver, now);

        var remaining = budget.Remaining(scheme);
        Assert.Equal(Money.FromEuros(1_000), remaining.Granted);
        Assert.Equal(Money.Zero, remaining.Reserved);
        Assert.True(remaining.IsSpent);
    }

    [Fact]
    public void The_ceiling_holds_whatever_the_order_of_the_approvals()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id);
        var first = Complete(budget, 600, "2026-03-02");
        var second = Complete(budget, 600, "2026-03-03");
        var now = At("2026-04-01");
        budget.HoldDraws(Day("2026-04-01"), now);
        budget.Grant(scheme, first, Money.FromEuros(600), Approver, now);

        var refused = Assert.Throws<DomainException>(() => budget.Grant(scheme, second, Money.FromEuros(600), Approver, now));

        Assert.Equal("Ceiling.Exceeded", refused.MessageKey);
        Assert.Equal(new BudgetOffer(Money.FromEuros(600), Money.FromEuros(400)), budget.Offer(scheme, second, Day("2026-04-01")));
        Assert.Throws<DomainException>(() => budget.Grant(scheme, first, Money.FromEuros(600), Approver, now)); // spent once, not twice
    }

    [Fact]
    public void With_nothing_left_the_offer_is_a_refusal_on_the_ceiling()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id);
        Complete(budget, 1_000, "2026-03-02");
        var late = Complete(budget, 300, "2026-03-05");

        var offer = budget.Offer(scheme, late, Day("2026-04-01"));

        Assert.Equal(BudgetOfferKind.None, offer.Kind);
        Assert.Equal(Money.Zero, offer.Amount);
        Assert.Equal(Money.FromEuros(300), offer.RefusedForCeiling);
    }

    [Fact]
    public void Applications_complete_on_one_day_are_put_in_order_by_a_draw_that_is_recorded_and_can_be_redone()
    {
        var scheme = SchemeWithCeiling(10_000);
        var budget = new SchemeBudget(scheme.Id);
        var sameDay = Enumerable.Range(0, 5).Select(i => Complete(budget, 200, "2026-03-02", hour: 9 + i)).ToList();
        var nextDay = Complete(budget, 200, "2026-03-03");
        budget.ClearDomainEvents();

        // The day is not over yet: no draw, because more applications may still come that day.
        Assert.Empty(budget.HoldDraws(Day("2026-03-02"), At("2026-03-02").AddHours(20)));

        var draw = Assert.Single(budget.HoldDraws(Day("2026-03-03"), At("2026-03-03").AddHours(1), () => "00112233445566778899aabbccddeeff"));

        Assert.Equal(Day("2026-03-02"), draw.Day);
        Assert.Equal("00112233445566778899aabbccddeeff", draw.Seed);
        Assert.Equal(5, draw.Count);
        var expected = BudgetDraw.Order(draw.Seed, sameDay.OrderBy(id => id)); // the order of the input does not matter
        Assert.Equal(expected, budget.Reservations.Where(r => r.DrawPosition is not null).OrderBy(r => r.DrawPosition).Select(r => r.ApplicationId));
        Assert.Equal(expected, BudgetDraw.Order(draw.Seed, sameDay.AsEnumerable().Reverse()));
        Assert.NotEqual(expected, BudgetDraw.Order("ffeeddccbbaa99887766554433221100", sameDay)); // another seed, another order
        Assert.Null(budget.Reservations.Single(r => r.ApplicationId == nextDay).DrawPosition);
        // Every application's audit trail names the seed and its place.
        var drawn = budget.DomainEvents.OfType<BudgetDrawn>().ToList();
        Assert.Equal(5, drawn.Count);
        Assert.All(drawn, e => Assert.Contains("seed 00112233445566778899aabbccddeeff; position", e.Detail, StringComparison.Ordinal));

        // A day is drawn once: holding the draws again changes nothing.
        var positions = budget.Reservations.ToDictionary(r => r.ApplicationId, r => r.DrawPosition);
        budget.HoldDraws(Day("2026-03-10"), At("2026-03-10"), () => "ffeeddccbbaa99887766554433221100");
        Assert.All(sameDay, id => Assert.Equal(positions[id], budget.Reservations.Single(r => r.ApplicationId == id).DrawPosition));
        Assert.Equal(2, budget.Draws.Count);
    }

    [Fact]
    public void Of_two_applications_complete_on_one_day_the_draw_decides_who_gets_what_is_left()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id);
        var a = Complete(budget, 800, "2026-03-02", hour: 9);
        var b = Complete(budget, 800, "2026-03-02", hour: 16);
        var seed = "0123456789abcdef0123456789abcdef";
        var winner = BudgetDraw.Order(seed, [a, b])[0];
        var loser = winner == a ? b : a;

        // Before the draw each counts the other as before it; an approval waits for the draw.
        Assert.Equal(Money.FromEuros(200), budget.Offer(scheme, winner, Day("2026-03-02")).Available);
        Assert.Equal("Ceiling.Draw.Pending",
            Assert.Throws<DomainException>(() => budget.Grant(scheme, winner, Money.FromEuros(800), Approver, At("2026-03-02").AddHours(17))).MessageKey);

        budget.HoldDraws(Day("2026-03-03"), At("2026-03-03"), () => seed);

        Assert.Equal(Money.FromEuros(800), budget.Offer(scheme, winner, Day("2026-03-03")).Amount);
        Assert.Equal(Money.FromEuros(200), budget.Offer(scheme, loser, Day("2026-03-03")).Amount);
        Assert.Equal("Ceiling.HeldForEarlier",
            Assert.Throws<DomainException>(() => budget.Grant(scheme, loser, Money.FromEuros(800), Approver, At("2026-03-03"))).MessageKey);
    }

    [Fact]
    public void A_withdrawal_or_refusal_gives_the_budget_back_to_the_applications_after_it()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id);
        var withdrawn = Complete(budget, 500, "2026-03-02");
        var refused = Complete(budget, 500, "2026-03-03");
        var waiting = Complete(budget, 1_000, "2026-03-04");
        var now = At("2026-04-01");
        budget.HoldDraws(Day("2026-04-01"), now);
        Assert.Equal(BudgetOfferKind.None, budget.Offer(scheme, waiting, Day("2026-04-01")).Kind);

        budget.Release(withdrawn, "Withdrawn", Applicant, now);
        Assert.Equal(Money.FromEuros(500), budget.Offer(scheme, waiting, Day("2026-04-01")).Amount);
        budget.Release(refused, "Rejected", Approver, now);
        Assert.Equal(BudgetOfferKind.Full, budget.Offer(scheme, waiting, Day("2026-04-01")).Kind);

        Assert.Equal(Money.FromEuros(1_000), budget.Remaining(scheme).Reserved);
        Assert.Equal(["Rejected", "Withdrawn"], budget.Reservations.Where(r => r.State == ReservationState.Released).Select(r => r.ReleaseReason!).Order());
        Assert.Equal(2, budget.DomainEvents.OfType<BudgetReleased>().Count());
        budget.Grant(scheme, waiting, Money.FromEuros(1_000), Approver, now);
    }

    [Fact]
    public void A_late_decision_is_judged_as_if_taken_on_time_because_later_applications_could_not_take_its_budget()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id);
        var early = Complete(budget, 700, "2026-03-02");
        var later = Complete(budget, 700, "2026-03-20");
        var now = At("2026-04-01");
        budget.HoldDraws(Day("2026-04-01"), now);
        budget.Grant(scheme, later, Money.FromEuros(300), Approver, now); // what the order leaves for it

        // Months after the legal date, and after the scheme closed, the early application still gets all it asked for.
        var late = At("2026-09-15");
        budget.Grant(scheme, early, Money.FromEuros(700), Approver, late);

        Assert.Equal(Money.FromEuros(1_000), budget.Remaining(scheme).Granted);
    }

    [Fact]
    public void A_ranking_after_the_closing_date_decides_the_order_not_the_day_of_completion()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id, BudgetOrder.Ranking);
        var early = Complete(budget, 800, "2026-03-02");
        var best = Complete(budget, 800, "2026-06-20");
        var afterClosing = At("2026-07-06");

        Assert.Equal("Ceiling.Ranking.NotYet",
            Assert.Throws<DomainException>(() => budget.Grant(scheme, best, Money.FromEuros(800), Approver, At("2026-06-25"))).MessageKey);
        budget.SetRank(best, 1, Approver, afterClosing);
        Assert.Equal("Ceiling.Ranking.NotYet", // not every complete application has its place yet
            Assert.Throws<DomainException>(() => budget.Grant(scheme, best, Money.FromEuros(800), Approver, afterClosing)).MessageKey);
        budget.SetRank(early, 2, Approver, afterClosing);

        Assert.Equal("Ceiling.HeldForEarlier",
            Assert.Throws<DomainException>(() => budget.Grant(scheme, early, Money.FromEuros(800), Approver, afterClosing)).MessageKey);
        budget.Grant(scheme, best, Money.FromEuros(800), Approver, afterClosing);
        Assert.Equal(Money.FromEuros(200), budget.Offer(scheme, early, Day("2026-07-06")).Amount);
        Assert.Equal([early], budget.Queue().Select(r => r.ApplicationId));
    }

    [Fact]
    public void Only_staff_grant_never_more_than_was_asked_and_the_order_is_fixed_once_budget_is_held()
    {
        var scheme = SchemeWithCeiling(1_000);
        var budget = new SchemeBudget(scheme.Id);
        var id = Complete(budget, 500, "2026-03-02");
        var now = At("2026-04-01");
        budget.HoldDraws(Day("2026-04-01"), now);

        Assert.Equal("Ceiling.AboveRequested", Assert.Throws<DomainException>(() => budget.Grant(scheme, id, Money.FromEuros(501), Approver, now)).MessageKey);
        Assert.Equal("Ceiling.Amount.Positive", Assert.Throws<DomainException>(() => budget.Grant(scheme, id, Money.Zero, Approver, now)).MessageKey);
        Assert.Throws<DomainException>(() => budget.Grant(scheme, id, Money.FromEuros(500), Applicant, now));
        Assert.Equal("Ceiling.NotReserved", Assert.Throws<DomainException>(() => budget.Grant(scheme, Guid.NewGuid(), Money.FromEuros(1), Approver, now)).MessageKey);
        Assert.Equal("Ceiling.Order.Fixed", Assert.Throws<DomainException>(() => budget.PublishOrder(BudgetOrder.Ranking)).MessageKey);
        Assert.Same(budget.Reservations.Single(), budget.Reserve(id, Money.FromEuros(500), Applicant, now)); // held once, not twice
    }
}
