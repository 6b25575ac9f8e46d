namespace Portal.Domain.Schemes;

/// <summary>
/// A subsidy scheme (regeling). Amounts and dates live here; its texts (name, purpose, who may apply, criteria,
/// quick-check questions) are resource strings keyed by <see cref="Slug"/> in every language, until the admin
/// issue moves them into the database.
/// </summary>
public sealed class Scheme
{
    private Scheme() { }

    public Scheme(string slug, Money.Money minimum, Money.Money maximum, Money.Money noDocumentsUpTo, DateOnly closesOn,
        int decisionWeeks, bool informalGroupsWelcome, Money.Money budgetCeiling, int? serviceTargetWeeks = null)
    {
        if (minimum > maximum) throw new ArgumentException("The minimum is above the maximum.", nameof(minimum));
        if (serviceTargetWeeks is < 1 || serviceTargetWeeks > decisionWeeks)
            throw new ArgumentOutOfRangeException(nameof(serviceTargetWeeks), "The service target is a shorter promise than the legal term.");
        Slug = slug;
        MinimumCents = minimum.Cents;
        MaximumCents = maximum.Cents;
        NoDocumentsUpToCents = noDocumentsUpTo.Cents;
        ClosesOn = closesOn;
        DecisionWeeks = decisionWeeks;
        InformalGroupsWelcome = informalGroupsWelcome;
        BudgetCeilingCents = budgetCeiling.Cents;
        ServiceTargetWeeks = serviceTargetWeeks ?? decisionWeeks;
    }

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public long MinimumCents { get; private set; }
    public long MaximumCents { get; private set; }
    /// <summary>Proportionality: up to this requested amount no documents are asked for.</summary>
    public long NoDocumentsUpToCents { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    /// <summary>The decision term (weeks after receipt) the scheme's rules set; the Awb's suspensions and extensions apply to it.</summary>
    public int DecisionWeeks { get; private set; }
    /// <summary>The municipality's own promise, shorter than the legal term: "usually within 6 weeks".</summary>
    public int ServiceTargetWeeks { get; private set; }
    public bool InformalGroupsWelcome { get; private set; }
    public long BudgetCeilingCents { get; private set; }

    public Money.Money Minimum => new(MinimumCents);
    public Money.Money Maximum => new(MaximumCents);
    public Money.Money NoDocumentsUpTo => new(NoDocumentsUpToCents);

    public bool IsOpenOn(DateOnly day) => day <= ClosesOn;

    /// <summary>The documents this scheme asks for at <paramref name="requested"/>: none for small amounts.</summary>
    public IReadOnlyList<DocumentKind> RequiredDocuments(Money.Money requested) =>
        requested.Cents <= NoDocumentsUpToCents ? [] : [DocumentKind.BudgetPlan, DocumentKind.ActivityPlan];

    /// <returns>Null when the amount fits, else the resource key that explains why not.</returns>
    public string? CheckRequestedAmount(Money.Money requested) =>
        requested < Minimum ? "Budget.BelowMinimum" : requested > Maximum ? "Budget.AboveMaximum" : null;
}

/// <summary>The documents a scheme can ask for. Stored by name.</summary>
public enum DocumentKind
{
    BudgetPlan,
    ActivityPlan,
    Other,
}
