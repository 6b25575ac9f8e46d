using Portal.Domain.Languages;

namespace Portal.Tests.Domain;

public sealed class LanguagesTests
{
    [Fact]
    public void Dutch_is_the_default_language()
    {
        Assert.Equal("nl", Languages.Default);
        Assert.Equal("nl", Languages.Offered[0].Code);
        Assert.Equal("nl", Languages.Get(null).Code);
    }

    [Fact]
    public void Arabic_is_written_right_to_left()
    {
        var arabic = Languages.Get("ar");

        Assert.Equal("ar", arabic.Code);
        Assert.True(arabic.RightToLeft);
        Assert.Equal("rtl", arabic.Direction);
        Assert.Equal("ltr", Languages.Get("nl").Direction);
        Assert.Equal("ltr", Languages.Get("en").Direction);
    }

    [Fact]
    public void Only_complete_languages_are_offered()
    {
        Assert.Equal(["nl", "en", "ar"], Languages.Offered.Select(l => l.Code));
        Assert.All(Languages.Offered, l => Assert.True(l.Complete));
    }

    [Theory]
    [InlineData("tr")]
    [InlineData("uk")]
    [InlineData("ti")]
    public void Languages_being_translated_exist_but_are_not_offered(string code)
    {
        Assert.Contains(Languages.All, l => l.Code == code && !l.Complete);
        Assert.False(Languages.IsOffered(code));
        Assert.Equal("nl", Languages.Get(code).Code);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData("NL-be")]
    [InlineData("<script>")]
    public void Unknown_language_falls_back_to_Dutch(string code)
    {
        Assert.False(Languages.IsOffered(code));
        Assert.Equal("nl", Languages.Get(code).Code);
    }

    [Fact]
    public void Each_language_is_named_in_its_own_script()
    {
        Assert.Equal("Nederlands", Languages.Get("nl").NativeName);
        Assert.Equal("العربية", Languages.Get("ar").NativeName);
        Assert.Equal("Українська", Languages.All.Single(l => l.Code == "uk").NativeName);
    }
}
