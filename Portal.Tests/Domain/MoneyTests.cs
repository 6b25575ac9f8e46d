using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Money;

namespace Portal.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1.250,50", 125050)]
    [InlineData("1250.50", 125050)]
    [InlineData("1250,50", 125050)]
    [InlineData("€ 1.250", 125000)]
    [InlineData("€1.250,-", 125000)]
    [InlineData("1250", 125000)]
    [InlineData(" 75 ", 7500)]
    [InlineData("1.250.000", 125000000)]
    [InlineData("1,250.50", 125050)]
    [InlineData("0,5", 50)]
    [InlineData("12.5", 1250)]
    [InlineData("EUR 300", 30000)]
    public void Amounts_are_read_the_way_people_type_them(string input, long cents)
    {
        Assert.True(MoneyParser.TryParse(input, out var amount, out var error), error);
        Assert.Equal(new Money(cents), amount);
    }

    [Theory]
    [InlineData("1,250", "Money.Ambiguous")]
    [InlineData("-50", "Money.Negative")]
    [InlineData("", "Money.Empty")]
    [InlineData("   ", "Money.Empty")]
    [InlineData("twaalf", "Money.NotANumber")]
    [InlineData("١٢٥٠", "Money.NotANumber")]
    [InlineData("12,505", "Money.Ambiguous")]
    [InlineData("12.5056", "Money.TooManyDecimals")]
    [InlineData("1.25.0", "Money.NotANumber")]
    [InlineData("99999999999999", "Money.TooLarge")]
    [InlineData("1.250,50.3", "Money.NotANumber")]
    public void Ambiguous_negative_and_impossible_amounts_are_refused_with_a_reason(string input, string reason)
    {
        Assert.False(MoneyParser.TryParse(input, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void An_overflowing_sum_is_refused_plainly_instead_of_crashing()
    {
        var refused = Assert.Throws<DomainException>(() => new Money(long.MaxValue) + new Money(1));
        var below = Assert.Throws<DomainException>(() => new Money(long.MinValue) - new Money(1));

        Assert.Equal("Money.TooLarge", refused.MessageKey);
        Assert.Equal("Money.TooLarge", below.MessageKey);
    }

    [Fact]
    public void The_largest_amount_anyone_can_type_is_the_largest_the_domain_accepts()
    {
        Assert.True(MoneyParser.TryParse("100.000.000", out var typed, out _));
        Assert.Equal(Money.Maximum, typed);
        Assert.False(MoneyParser.TryParse("100.000.000,01", out _, out var error));
        Assert.Equal("Money.TooLarge", error);
    }

    [Fact]
    public void Sums_are_exact_in_cents()
    {
        var total = Enumerable.Repeat(new Money(10), 10).Aggregate(Money.Zero, (a, b) => a + b);

        Assert.Equal(new Money(100), total);
    }

    /// <summary>
    /// Issue 8, 5.4: "1٬300٫50 €" (Arabic notation) was misread. Every language writes "€ 1.300,50", isolated left to
    /// right, so that inside an Arabic sentence it stays one unit in that order.
    /// </summary>
    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    [InlineData("ar")]
    public void An_amount_reads_the_same_in_every_language_isolated_left_to_right(string language)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            Assert.Equal("\u2066€\u00A01.300,50\u2069", new Money(130050).Format());
            Assert.Equal("\u2066€\u00A01.250\u2069", new Money(125000).Format());
            Assert.Equal("\u2066€\u00A01.000.000,05\u2069", new Money(100000005).Format());
            Assert.Equal("€\u00A00,50", new Money(50).Text);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void An_amount_copied_from_a_page_is_read_back_as_the_same_amount()
    {
        Assert.True(MoneyParser.TryParse(new Money(130050).Format(), out var amount, out var error), error);
        Assert.Equal(new Money(130050), amount);
    }
}
