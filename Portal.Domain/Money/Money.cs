using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Money;

/// <summary>
/// An amount in euro cents. Never a floating-point number: sums of budget rows must be exact. Arithmetic never wraps
/// around and never crashes a page: a result beyond what a long holds is refused with <see cref="TooLargeKey"/>.
/// </summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    public const string TooLargeKey = "Money.TooLarge";

    /// <summary>
    /// The largest single amount the domain accepts (a cost row, own money, other funding): one hundred million euros.
    /// Anything above is a typing error or a forged form; fifty rows of it still add up far within a long.
    /// </summary>
    public const long MaximumCents = 100_000_000_00;

    public static readonly Money Zero = new(0);
    public static readonly Money Maximum = new(MaximumCents);

    public static Money FromEuros(long euros) => Exact((Int128)euros * 100);

    public static Money operator +(Money a, Money b) => Exact((Int128)a.Cents + b.Cents);
    public static Money operator -(Money a, Money b) => Exact((Int128)a.Cents - b.Cents);
    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;
    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;
    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;
    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    /// <summary>"€ 1.250,50" in Dutch, "€1,250.50" in English: the culture's own grouping, always two decimals unless whole.</summary>
    public string Format(CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        var decimals = Cents % 100 == 0 ? 0 : 2;
        return (Cents / 100m).ToString("C" + decimals, format);
    }

    public override string ToString() => Format(CultureInfo.InvariantCulture);

    /// <summary>Refuses a single amount above <see cref="Maximum"/>, whichever page or form it came from.</summary>
    public static void EnsureNotAboveMaximum(Money amount)
    {
        if (amount > Maximum) throw new DomainException(TooLargeKey);
    }

    private static Money Exact(Int128 cents) =>
        cents >= long.MinValue && cents <= long.MaxValue ? new((long)cents) : throw new DomainException(TooLargeKey);
}
