using Portal.Domain.Applications;

namespace Portal.Domain.Assessment;

/// <summary>
/// Plain-language reasons per outcome (PRODUCT.md C.6): the reviewer ticks the ones that fit and adds their own words.
/// The text of each is the resource "Assessment.Template.{Outcome}.{Key}", so the letter can be written in the
/// applicant's language. Stored by key, so never rename one.
/// </summary>
public static class ReasonTemplates
{
    private static readonly Dictionary<ProposedOutcome, string[]> Table = new()
    {
        [ProposedOutcome.Grant] = ["FitsScheme", "GoodForNeighbourhood"],
        [ProposedOutcome.PartialGrant] = ["CostsNotInScheme", "CostsTooHigh", "OtherFunding"],
        [ProposedOutcome.Refuse] = ["NotForScheme", "NotEnoughReach", "NotFeasible"],
        [ProposedOutcome.NotProcess] = ["NoAnswerInTime"],
        [ProposedOutcome.ReturnWithSuggestions] = ["ImproveAndSendAgain"],
    };

    public static IReadOnlyList<string> For(ProposedOutcome outcome) => Table[outcome];

    public static string ResourceKey(ProposedOutcome outcome, string key) => $"Assessment.Template.{outcome}.{key}";

    public static bool IsKnown(ProposedOutcome outcome, string key) => Table[outcome].Contains(key);
}
