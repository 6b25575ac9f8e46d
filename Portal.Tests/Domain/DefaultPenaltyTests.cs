using Portal.Domain.Money;
using Portal.Domain.Terms;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>The penalty for deciding late (art. 4:17 Awb): from two weeks after the notice, in three steps, at most 42 days.</summary>
public sealed class DefaultPenaltyTests
{
    [Theory]
    // Notice received Sunday 1 March 2026: the penalty runs from Sunday 15 March (the Algemene termijnenwet does not move it).
    [InlineData("2026-03-14", 0, 0)]
    [InlineData("2026-03-15", 1, 23)]
    [InlineData("2026-03-28", 14, 322)]
    // Day 15 is the first at € 35, day 29 the first at € 45.
    [InlineData("2026-03-29", 15, 357)]
    [InlineData("2026-04-11", 28, 812)]
    [InlineData("2026-04-12", 29, 857)]
    [InlineData("2026-04-25", 42, 1442)]
    // After 42 days it stops growing.
    [InlineData("2026-12-31", 42, 1442)]
    public void The_penalty_grows_in_three_steps_to_at_most_1442_euros(string today, int days, long euros)
    {
        var penalty = DefaultPenalty.Calculate(Day("2026-03-01"), decidedOn: null, Day(today));

        Assert.Equal(Day("2026-03-15"), penalty.FirstDay);
        Assert.Equal((days, Money.FromEuros(euros)), (penalty.DaysRun, penalty.SoFar));
    }

    [Fact]
    public void The_maximum_is_what_the_law_names()
    {
        Assert.Equal(Money.FromEuros(1442), DefaultPenalty.Maximum);
        Assert.Equal(Day("2026-04-25"), DefaultPenalty.Calculate(Day("2026-03-01"), null, Day("2026-03-02")).LastPossibleDay);
    }

    [Fact]
    public void The_decision_ends_it_the_day_it_is_given()
    {
        var penalty = DefaultPenalty.Calculate(Day("2026-03-01"), decidedOn: Day("2026-03-17"), Day("2026-05-01"));

        // 15 and 16 March: the decision on the 17th ends the default.
        Assert.Equal((2, Money.FromEuros(46), false), (penalty.DaysRun, penalty.SoFar, penalty.Running));
    }

    [Fact]
    public void A_decision_within_the_two_weeks_costs_nothing()
    {
        var penalty = DefaultPenalty.Calculate(Day("2026-03-01"), decidedOn: Day("2026-03-10"), Day("2026-05-01"));

        Assert.Equal((0, Money.Zero, false), (penalty.DaysRun, penalty.SoFar, penalty.Running));
    }
}
