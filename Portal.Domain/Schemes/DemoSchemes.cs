namespace Portal.Domain.Schemes;

/// <summary>
/// The demo schemes of PRODUCT.md (amounts are examples) and their quick-check questions. The quick checks are
/// code until schemes are managed by an administrator.
/// </summary>
public static class DemoSchemes
{
    public const string SamenDoen = "samen-doen";
    public const string Themabijeenkomsten = "themabijeenkomsten";
    public const string Mantelzorg = "mantelzorg-ontmoeting";

    public static IReadOnlyList<Scheme> Create(int year) =>
    [
        new(SamenDoen, Money.Money.FromEuros(100), Money.Money.FromEuros(2_500), Money.Money.FromEuros(1_000),
            new DateOnly(year, 12, 31), decisionWeeks: 8, informalGroupsWelcome: true, Money.Money.FromEuros(150_000),
            serviceTargetWeeks: 6),
        new(Themabijeenkomsten, Money.Money.FromEuros(500), Money.Money.FromEuros(7_500), Money.Money.FromEuros(1_000),
            new DateOnly(year + 1, 1, 31), decisionWeeks: 8, informalGroupsWelcome: true, Money.Money.FromEuros(100_000),
            serviceTargetWeeks: 6),
        new(Mantelzorg, Money.Money.FromEuros(250), Money.Money.FromEuros(5_000), Money.Money.FromEuros(1_000),
            new DateOnly(year + 1, 3, 31), decisionWeeks: 10, informalGroupsWelcome: true, Money.Money.FromEuros(80_000),
            serviceTargetWeeks: 8),
    ];

    private static readonly Dictionary<string, QuickCheckQuestion[]> Questions = new()
    {
        [SamenDoen] =
        [
            new("InNijmegen", QuickCheckOutcome.NotThisScheme),
            new("Together", QuickCheckOutcome.NotThisScheme),
            new("OpenToOthers", QuickCheckOutcome.Maybe),
            new("NoProfit", QuickCheckOutcome.NotThisScheme),
            new("NotStarted", QuickCheckOutcome.Maybe),
        ],
        [Themabijeenkomsten] =
        [
            new("InNijmegen", QuickCheckOutcome.NotThisScheme),
            new("Meeting", QuickCheckOutcome.NotThisScheme),
            new("ForNewcomers", QuickCheckOutcome.Maybe),
            new("NoProfit", QuickCheckOutcome.NotThisScheme),
        ],
        [Mantelzorg] =
        [
            new("InNijmegen", QuickCheckOutcome.NotThisScheme),
            new("ForCarers", QuickCheckOutcome.NotThisScheme),
            new("Meeting", QuickCheckOutcome.Maybe),
            new("NoProfit", QuickCheckOutcome.NotThisScheme),
        ],
    };

    public static IReadOnlyList<QuickCheckQuestion> QuickCheckFor(string slug) => Questions.GetValueOrDefault(slug) ?? [];
}
