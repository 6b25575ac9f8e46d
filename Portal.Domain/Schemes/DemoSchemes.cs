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

    /// <summary>
    /// The demo schemes as they would be seeded on <paramref name="today"/>: each closes at the end of a month some
    /// months ahead, so demo data never expires (a fixed year would close every scheme on 31 December).
    /// </summary>
    public static IReadOnlyList<Scheme> Create(DateOnly today) =>
    [
        new(SamenDoen, Money.Money.FromEuros(100), Money.Money.FromEuros(2_500), Money.Money.FromEuros(1_000),
            ClosesOn(SamenDoen, today), decisionWeeks: 8, informalGroupsWelcome: true, Money.Money.FromEuros(150_000),
            serviceTargetWeeks: 6),
        new(Themabijeenkomsten, Money.Money.FromEuros(500), Money.Money.FromEuros(7_500), Money.Money.FromEuros(1_000),
            ClosesOn(Themabijeenkomsten, today), decisionWeeks: 8, informalGroupsWelcome: true, Money.Money.FromEuros(100_000),
            serviceTargetWeeks: 6),
        new(Mantelzorg, Money.Money.FromEuros(250), Money.Money.FromEuros(5_000), Money.Money.FromEuros(1_000),
            ClosesOn(Mantelzorg, today), decisionWeeks: 10, informalGroupsWelcome: true, Money.Money.FromEuros(80_000),
            serviceTargetWeeks: 8),
    ];

    /// <summary>Months from today to the closing month of each demo scheme.</summary>
    private static readonly Dictionary<string, int> MonthsOpen = new() { [SamenDoen] = 6, [Themabijeenkomsten] = 7, [Mantelzorg] = 9 };

    /// <summary>The last day of the month <see cref="MonthsOpen"/> months after <paramref name="today"/>.</summary>
    public static DateOnly ClosesOn(string slug, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(MonthsOpen[slug]);
        return month.AddDays(DateTime.DaysInMonth(month.Year, month.Month) - 1);
    }

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
