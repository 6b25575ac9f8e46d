namespace Portal.Domain.Schemes;

/// <summary>What a "no" (or "I don't know") to a quick-check question means.</summary>
public enum QuickCheckOutcome
{
    Yes,
    Maybe,
    NotThisScheme,
}

/// <summary>
/// One yes/no question of a scheme's anonymous quick check ("Kan ik subsidie aanvragen?"). Its text is the resource
/// "Scheme.{slug}.Check.{Key}". <see cref="IfNo"/> says what a "no" means; "I don't know" is always at most Maybe.
/// </summary>
public sealed record QuickCheckQuestion(string Key, QuickCheckOutcome IfNo);

public enum QuickCheckAnswer
{
    Yes,
    No,
    DontKnow,
}

public sealed record QuickCheckResult(QuickCheckOutcome Outcome, QuickCheckQuestion? DecidedBy);

public static class QuickCheck
{
    /// <summary>The worst outcome wins; the first question that caused it is named, so the result can explain itself.</summary>
    public static QuickCheckResult Evaluate(IReadOnlyList<QuickCheckQuestion> questions, IReadOnlyDictionary<string, QuickCheckAnswer> answers)
    {
        var result = new QuickCheckResult(QuickCheckOutcome.Yes, null);
        foreach (var question in questions)
        {
            var outcome = answers.GetValueOrDefault(question.Key, QuickCheckAnswer.DontKnow) switch
            {
                QuickCheckAnswer.Yes => QuickCheckOutcome.Yes,
                QuickCheckAnswer.No => question.IfNo,
                _ => question.IfNo == QuickCheckOutcome.Yes ? QuickCheckOutcome.Yes : QuickCheckOutcome.Maybe,
            };
            if (outcome > result.Outcome) result = new QuickCheckResult(outcome, question);
        }
        return result;
    }
}
