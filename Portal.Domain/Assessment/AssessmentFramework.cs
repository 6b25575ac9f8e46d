using Portal.Domain.Applications;

namespace Portal.Domain.Assessment;

/// <summary>
/// A scheme's published assessment framework (afwegingskader, DIGEST R-02): the criteria reviewers score on, the scale,
/// the weights, the four-eyes threshold and whether reviewers score without names. Stored with the scheme (one row per
/// scheme); the criteria's texts are resources "Assessment.Criterion.{Key}" so applicants read the same words.
/// </summary>
public sealed class AssessmentFramework
{
    private readonly List<AssessmentCriterion> criteria = [];

    private AssessmentFramework() { }

    public AssessmentFramework(int schemeId, int scaleMax, Money.Money fourEyesThreshold, bool assessWithoutNames,
        params (string Key, int Weight)[] criteria)
    {
        if (scaleMax is < 2 or > 10) throw new ArgumentOutOfRangeException(nameof(scaleMax), "A scale runs from 1 to between 2 and 10.");
        if (fourEyesThreshold.Cents < 0) throw new ArgumentOutOfRangeException(nameof(fourEyesThreshold));
        if (criteria.Length == 0) throw new ArgumentException("A framework has criteria.", nameof(criteria));
        if (criteria.Any(c => c.Weight is < 1 or > 10)) throw new ArgumentOutOfRangeException(nameof(criteria), "Weights run from 1 to 10.");
        if (criteria.Select(c => c.Key).Distinct().Count() != criteria.Length) throw new ArgumentException("Criteria keys are unique.", nameof(criteria));
        SchemeId = schemeId;
        ScaleMax = scaleMax;
        FourEyesThresholdCents = fourEyesThreshold.Cents;
        AssessWithoutNames = assessWithoutNames;
        this.criteria.AddRange(criteria.Select((c, i) => new AssessmentCriterion(schemeId, c.Key, c.Weight, i + 1)));
    }

    public int SchemeId { get; private set; }
    /// <summary>Scores run from 1 to this number.</summary>
    public int ScaleMax { get; private set; }
    /// <summary>A proposal to grant more than this goes to an approver (four-eyes); every (partial) refusal does anyway.</summary>
    public long FourEyesThresholdCents { get; private set; }
    /// <summary>Reviewers score without seeing the organisation's and people's names (against bias, seed 000 §7).</summary>
    public bool AssessWithoutNames { get; private set; }
    public IReadOnlyList<AssessmentCriterion> Criteria => criteria.OrderBy(c => c.Position).ToList();

    public Money.Money FourEyesThreshold => new(FourEyesThresholdCents);

    /// <summary>Whether all criteria weigh the same (then the page shows no weights).</summary>
    public bool HasWeights => criteria.Select(c => c.Weight).Distinct().Count() > 1;

    /// <summary>
    /// Four-eyes (PRODUCT.md C.5): every refusal — also the refused part of a partial grant, which the applicant can object
    /// to like any refusal — and every grant above the threshold needs an approver who is not the assessor.
    /// </summary>
    public bool NeedsApprover(ProposedOutcome outcome, Money.Money granted) =>
        outcome is ProposedOutcome.Refuse or ProposedOutcome.PartialGrant
        || (outcome == ProposedOutcome.Grant && granted.Cents > FourEyesThresholdCents);
}

/// <summary>One criterion of a scheme's framework. Its name and explanation are resources keyed by <see cref="Key"/>.</summary>
public sealed class AssessmentCriterion
{
    private AssessmentCriterion() { }

    internal AssessmentCriterion(int schemeId, string key, int weight, int position)
    {
        SchemeId = schemeId;
        Key = key;
        Weight = weight;
        Position = position;
    }

    public int SchemeId { get; private set; }
    public string Key { get; private set; } = "";
    public int Weight { get; private set; }
    public int Position { get; private set; }
}
