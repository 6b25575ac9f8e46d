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

    /// <summary>
    /// "€ 1.300,50", "€ 1.250": the one way an amount is written, in every language — the Dutch notation that letters,
    /// the hints and the parser use, so an amount reads the same on every page and in every email. Arabic notation
    /// ("1٬300٫50 €") was misread: its separators look like the Dutch ones the other way round. The amount is isolated
    /// left to right (<see cref="Bidi.LeftToRight"/>), so inside Arabic text it stays "€ 1.300,50"; a no-break space
    /// keeps the sign with the number.
    /// </summary>
    public string Format() => Bidi.LeftToRight(Text);

    /// <summary>"€ 1.300,50" without the directional isolate, for where the direction is set otherwise (tests, logs).</summary>
    public string Text
    {
        get
        {
            var number = (Cents / 100m).ToString(Cents % 100 == 0 ? "#,##0" : "#,##0.00", DutchNumbers);
            return (Cents < 0 ? "-" : "") + "€\u00A0" + number.TrimStart('-');
        }
    }

    public override string ToString() => Text;

    private static readonly NumberFormatInfo DutchNumbers = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    });

    /// <summary>Refuses a single amount above <see cref="Maximum"/>, whichever page or form it came from.</summary>
    public static void EnsureNotAboveMaximum(Money amount)
    {
        if (amount > Maximum) throw new DomainException(TooLargeKey);
    }

    private static Money Exact(Int128 cents) =>
        cents >= long.MinValue && cents <= long.MaxValue ? new((long)cents) : throw new DomainException(TooLargeKey);
}
