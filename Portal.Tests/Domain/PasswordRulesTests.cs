using Portal.Domain.Accounts;

namespace Portal.Tests.Domain;

public sealed class PasswordRulesTests
{
    [Fact]
    public void Password_of_eleven_characters_is_refused_as_too_short()
    {
        Assert.Equal("Password.TooShort", PasswordRules.Check("Kade-aan-W1", "amina@example.org"));
    }

    [Fact]
    public void Password_of_twelve_characters_is_accepted()
    {
        Assert.Null(PasswordRules.Check("Kade-aan-Wa1", "amina@example.org"));
    }

    [Fact]
    public void Long_passphrase_without_digits_or_symbols_is_accepted()
    {
        Assert.Null(PasswordRules.Check("fietsen langs de waal bij nacht", "amina@example.org"));
    }

    [Theory]
    [InlineData("wachtwoord123")]
    [InlineData("WachtWoord123")]
    [InlineData("WACHTWOORD123")]
    [InlineData(" wachtwoord123 ")]
    public void Common_password_is_refused_whatever_its_capitals(string password)
    {
        Assert.Equal("Password.TooCommon", PasswordRules.Check(password, "amina@example.org"));
        Assert.True(PasswordRules.IsCommon(password));
    }

    [Theory]
    [InlineData("amina.yilmaz@example.org")]
    [InlineData("Amina.Yilmaz@Example.org")]
    public void Password_equal_to_the_email_address_is_refused(string password)
    {
        Assert.Equal("Password.SameAsEmail", PasswordRules.Check(password, "amina.yilmaz@example.org"));
    }

    [Fact]
    public void Password_longer_than_the_maximum_is_refused()
    {
        Assert.Equal("Password.TooLong", PasswordRules.Check(new string('x', PasswordRules.MaximumLength) + "y", null));
        Assert.Null(PasswordRules.Check(string.Concat(Enumerable.Repeat("Nijmegen!", 30))[..PasswordRules.MaximumLength], null));
    }
}
