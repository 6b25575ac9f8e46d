using Portal.Domain.Organisations;

namespace Portal.Tests.Domain;

public sealed class IbanTests
{
    [Theory]
    [InlineData("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00")]
    [InlineData("nl91 abna 0417 1643 00", "NL91 ABNA 0417 1643 00")]
    [InlineData("BE68539007547034", "BE68 5390 0754 7034")]
    [InlineData("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    public void A_valid_IBAN_is_accepted_however_it_is_typed(string input, string formatted)
    {
        var iban = Iban.TryParse(input, out var error);

        Assert.Null(error);
        Assert.Equal(formatted, iban!.Formatted);
    }

    [Theory]
    [InlineData("NL91ABNA0417164301", "Iban.Checksum")]
    [InlineData("NL91ABNA041716430", "Iban.Length")]
    [InlineData("1234", "Iban.Format")]
    [InlineData("", "Iban.Empty")]
    [InlineData("NL91 ABNA 0417 1643 0٠", "Iban.Format")]
    public void A_wrong_IBAN_is_refused_with_a_reason(string input, string reason)
    {
        Assert.Null(Iban.TryParse(input, out var error));
        Assert.Equal(reason, error);
    }
}
