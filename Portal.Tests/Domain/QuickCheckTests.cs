using Portal.Domain.Schemes;

namespace Portal.Tests.Domain;

public sealed class QuickCheckTests
{
    private static readonly QuickCheckQuestion InNijmegen = new("InNijmegen", QuickCheckOutcome.NotThisScheme);
    private static readonly QuickCheckQuestion OpenToOthers = new("OpenToOthers", QuickCheckOutcome.Maybe);
    private static readonly QuickCheckQuestion NoProfit = new("NoProfit", QuickCheckOutcome.NotThisScheme);
    private static readonly QuickCheckQuestion[] Questions = [InNijmegen, OpenToOthers, NoProfit];

    private static QuickCheckResult Evaluate(QuickCheckAnswer inNijmegen, QuickCheckAnswer openToOthers, QuickCheckAnswer noProfit) =>
        QuickCheck.Evaluate(Questions, new Dictionary<string, QuickCheckAnswer>
        {
            [InNijmegen.Key] = inNijmegen,
            [OpenToOthers.Key] = openToOthers,
            [NoProfit.Key] = noProfit,
        });

    [Fact]
    public void Yes_to_every_question_means_yes_and_no_question_decided_it()
    {
        var result = Evaluate(QuickCheckAnswer.Yes, QuickCheckAnswer.Yes, QuickCheckAnswer.Yes);

        Assert.Equal(QuickCheckOutcome.Yes, result.Outcome);
        Assert.Null(result.DecidedBy);
    }

    [Fact]
    public void No_to_a_question_that_allows_a_maybe_gives_maybe_and_names_that_question()
    {
        var result = Evaluate(QuickCheckAnswer.Yes, QuickCheckAnswer.No, QuickCheckAnswer.Yes);

        Assert.Equal(QuickCheckOutcome.Maybe, result.Outcome);
        Assert.Equal(OpenToOthers, result.DecidedBy);
    }

    [Fact]
    public void The_worst_outcome_wins_even_when_a_milder_answer_came_first()
    {
        var result = Evaluate(QuickCheckAnswer.Yes, QuickCheckAnswer.No, QuickCheckAnswer.No);

        Assert.Equal(QuickCheckOutcome.NotThisScheme, result.Outcome);
        Assert.Equal(NoProfit, result.DecidedBy);
    }

    [Fact]
    public void Of_two_equally_bad_answers_the_first_question_is_named()
    {
        var result = Evaluate(QuickCheckAnswer.No, QuickCheckAnswer.Yes, QuickCheckAnswer.No);

        Assert.Equal(QuickCheckOutcome.NotThisScheme, result.Outcome);
        Assert.Equal(InNijmegen, result.DecidedBy);
    }

    [Fact]
    public void Dont_know_on_a_blocking_question_gives_maybe_not_a_refusal()
    {
        var result = Evaluate(QuickCheckAnswer.DontKnow, QuickCheckAnswer.Yes, QuickCheckAnswer.Yes);

        Assert.Equal(QuickCheckOutcome.Maybe, result.Outcome);
        Assert.Equal(InNijmegen, result.DecidedBy);
    }

    [Fact]
    public void A_no_outweighs_an_earlier_dont_know_and_is_the_one_named()
    {
        var result = Evaluate(QuickCheckAnswer.DontKnow, QuickCheckAnswer.Yes, QuickCheckAnswer.No);

        Assert.Equal(QuickCheckOutcome.NotThisScheme, result.Outcome);
        Assert.Equal(NoProfit, result.DecidedBy);
    }

    [Fact]
    public void An_unanswered_question_counts_as_dont_know()
    {
        var result = QuickCheck.Evaluate(Questions, new Dictionary<string, QuickCheckAnswer>
        {
            [InNijmegen.Key] = QuickCheckAnswer.Yes,
            [OpenToOthers.Key] = QuickCheckAnswer.Yes,
        });

        Assert.Equal(QuickCheckOutcome.Maybe, result.Outcome);
        Assert.Equal(NoProfit, result.DecidedBy);
    }

    [Fact]
    public void Every_demo_scheme_asks_three_to_six_questions_and_at_least_one_can_refuse()
    {
        foreach (var scheme in DemoSchemes.Create(new DateOnly(2026, 6, 15)))
        {
            var questions = DemoSchemes.QuickCheckFor(scheme.Slug);
            Assert.InRange(questions.Count, 3, 6);
            Assert.Contains(questions, q => q.IfNo == QuickCheckOutcome.NotThisScheme);
            Assert.Equal(questions.Count, questions.Select(q => q.Key).Distinct().Count());
        }
    }
}
