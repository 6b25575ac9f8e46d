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
    /// <summary>A grant up to this amount is vastgesteld at once (directe vaststelling); above it, verleend and settled after a report.</summary>
    public long DirectVaststellingUpToCents { get; private set; } = Decisions.Decision.DefaultDirectVaststellingUpTo.Cents;

    public Money.Money Minimum => new(MinimumCents);
    public Money.Money Maximum => new(MaximumCents);
    public Money.Money NoDocumentsUpTo => new(NoDocumentsUpToCents);
    public Money.Money DirectVaststellingUpTo => new(DirectVaststellingUpToCents);

    /// <summary>Sets the amount up to which grants are vastgesteld at once (the scheme's rules).</summary>
    public void SettleDirectlyUpTo(Money.Money amount) =>
        DirectVaststellingUpToCents = amount.Cents >= 0 ? amount.Cents : throw new ArgumentOutOfRangeException(nameof(amount));

    public bool IsOpenOn(DateOnly day) => day <= ClosesOn;

    /// <summary>Keeps a scheme open longer (a later closing date); never shortens it.</summary>
    public void ExtendTo(DateOnly closesOn)
    {
        if (closesOn < ClosesOn) throw new ArgumentException("A scheme is extended, never shortened.", nameof(closesOn));
        ClosesOn = closesOn;
    }

    /// <summary>The documents this scheme asks for at <paramref name="requested"/>: none for small amounts.</summary>
    public IReadOnlyList<DocumentKind> RequiredDocuments(Money.Money requested) =>
        requested.Cents <= NoDocumentsUpToCents ? [] : [DocumentKind.BudgetPlan, DocumentKind.ActivityPlan];

    /// <summary>
    /// The documents the applicant sends as a file at <paramref name="requested"/>: the required ones but those the
    /// portal's own form already is. The budget plan is the cost overview typed on the budget page (it prints as a page
    /// of its own), so nobody is asked to upload what they have just typed in.
    /// </summary>
    public IReadOnlyList<DocumentKind> DocumentsToUpload(Money.Money requested) =>
        RequiredDocuments(requested).Where(kind => !kind.IsTypedInThePortal()).ToList();

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

public static class DocumentKinds
{
    /// <summary>Whether the application form itself is this document: the budget plan is the typed cost overview.</summary>
    public static bool IsTypedInThePortal(this DocumentKind kind) => kind == DocumentKind.BudgetPlan;
}
