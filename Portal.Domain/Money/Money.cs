using System.Globalization;

namespace Portal.Domain.Money;

/// <summary>An amount in euro cents. Never a floating-point number: sums of budget rows must be exact.</summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromEuros(long euros) => new(checked(euros * 100));

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));
    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));
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
}
