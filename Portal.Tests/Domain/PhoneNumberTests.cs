using Portal.Domain.Coaching;
using Portal.Domain.Common;

namespace Portal.Tests.Domain;

/// <summary>Phone numbers as people type them become E.164, the form a coach dials anywhere and wa.me needs.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("06 12345678", "+31612345678")]
    [InlineData("06-12 34 56 78", "+31612345678")]
    [InlineData("(024) 360 12 34", "+31243601234")]
    [InlineData("024.360.12.34", "+31243601234")]
    [InlineData("+31 6 1234 5678", "+31612345678")]
    [InlineData("+31 (0)6 1234 5678", "+31612345678")]
    [InlineData("0031 6 12345678", "+31612345678")]
    [InlineData("+90 532 123 45 67", "+905321234567")]
    [InlineData("00963 944 123 456", "+963944123456")]
    [InlineData("٠٦١٢٣٤٥٦٧٨", "+31612345678")] // Arabic-Indic digits
    [InlineData("۰۶ ۱۲۳۴۵۶۷۸", "+31612345678")] // Persian digits
    [InlineData(" +32 470 12 34 56 ", "+32470123456")]
    public void Typed_numbers_become_E164(string typed, string expected) =>
        Assert.Equal(expected, PhoneNumber.Normalise(typed));

    [Theory]
    [InlineData("", "Coaching.Phone.Required")]
    [InlineData("   ", "Coaching.Phone.Required")]
    [InlineData("06 1234567", "Coaching.Phone.DutchLength")] // one digit short
    [InlineData("06 123456789", "Coaching.Phone.DutchLength")]
    [InlineData("+31 6 123", "Coaching.Phone.DutchLength")]
    [InlineData("612345678", "Coaching.Phone.CountryCode")] // no 0, no +
    [InlineData("+0612345678", "Coaching.Phone.CountryCode")]
    [InlineData("06 1234 abcd", "Coaching.Phone.Characters")]
    [InlineData("06 12345678 📞", "Coaching.Phone.Characters")]
    [InlineData("06+12345678", "Coaching.Phone.Characters")] // a + after digits
    [InlineData("+1 234", "Coaching.Phone.Length")]
    [InlineData("+123 4567 8901 23456", "Coaching.Phone.Length")] // 17 digits
    public void Numbers_nobody_can_dial_are_refused_with_what_to_mend(string typed, string key) =>
        Assert.Equal(key, Assert.Throws<DomainException>(() => PhoneNumber.Normalise(typed)).MessageKey);

    [Fact]
    public void TryNormalise_answers_without_throwing()
    {
        Assert.True(PhoneNumber.TryNormalise("06 12345678", out var e164));
        Assert.Equal("+31612345678", e164);
        Assert.False(PhoneNumber.TryNormalise("bel me", out var none));
        Assert.Equal("", none);
    }
}
