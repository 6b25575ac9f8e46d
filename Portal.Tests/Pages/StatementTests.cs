using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Issue 8, 5.3 and 5.15: the privacy statement and the accessibility statement, public and in every complete language,
/// linked from every footer; the footer's walk-in hours and address are separate units in Arabic.
/// </summary>
[Collection(Db.Organisations)]
public sealed class StatementTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("nl", "Privacyverklaring", "Andere afdelingen van de gemeente krijgen ze niet.", "Een aanvraag heeft geen gevolgen voor andere zaken die u met de gemeente hebt.", "7 jaar")]
    [InlineData("en", "Privacy statement", "Other departments of the municipality do not get it.", "An application has no consequences for any other dealings you have with the municipality.", "7 years")]
    [InlineData("ar", "بيان الخصوصية", "لا تحصل عليها أقسام البلدية الأخرى.", "ليس لطلبكم أي أثر على معاملاتكم الأخرى مع البلدية", "7 سنوات")]
    public async Task The_privacy_statement_is_public_and_says_what_is_kept_who_sees_it_and_that_nothing_goes_elsewhere(
        string language, string title, string notShared, string noConsequences, string howLong)
    {
        using var client = await VisitorAsync(language);

        var (response, html) = await client.GetAsync("/privacy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"<h1>{title}</h1>", text, StringComparison.Ordinal);
        Assert.Contains(notShared, text, StringComparison.Ordinal);
        Assert.Contains(noConsequences, text, StringComparison.Ordinal);
        Assert.Contains(howLong, text, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Toegankelijkheidsverklaring", "Status: voldoet gedeeltelijk.", "Wat werkt nog niet goed?", "december 2026")]
    [InlineData("en", "Accessibility statement", "Status: partially compliant.", "What does not work well yet?", "December 2026")]
    [InlineData("ar", "بيان إمكانية الوصول", "الحالة: متوافقة جزئيًا.", "ما الذي لا يعمل جيدًا بعد؟", "ديسمبر 2026")]
    public async Task The_accessibility_statement_is_public_with_the_standard_the_status_what_does_not_work_and_whom_to_contact(
        string language, string title, string status, string known, string checkedIn)
    {
        using var client = await VisitorAsync(language);

        var (response, html) = await client.GetAsync("/accessibility");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"<h1>{title}</h1>", text, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.1", text, StringComparison.Ordinal);
        Assert.Contains(status, text, StringComparison.Ordinal);
        Assert.Contains($"<h2>{known}</h2>", text, StringComparison.Ordinal);
        Assert.Contains(checkedIn, text, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/schemes")]
    [InlineData("/account/sign-in")]
    [InlineData("/privacy")]
    public async Task Every_footer_links_to_both_statements(string url)
    {
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync(url);

        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("<a href=\"/privacy\">Privacyverklaring</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/accessibility\">Toegankelijkheidsverklaring</a>", footer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/privacy", "Autoriteit Persoonsgegevens")]
    [InlineData("/accessibility", "Nationale ombudsman")]
    public async Task A_Dutch_name_in_an_Arabic_statement_is_isolated_and_kept_on_one_line(string url, string name)
    {
        using var client = await VisitorAsync("ar");

        var (_, html) = await client.GetAsync(url);

        // First-strong isolate: the brackets around it and the full stop after it stay where Arabic puts them.
        Assert.Contains($"(\u2068{name.Replace(' ', '\u00a0')}\u2069)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Arabic_footer_keeps_the_hours_and_the_Dutch_address_apart_each_in_its_own_direction()
    {
        using var client = await VisitorAsync("ar");

        var (_, html) = await client.GetAsync("/");

        var footer = WebUtility.HtmlDecode(html[html.IndexOf("<footer", StringComparison.Ordinal)..]);
        // "Tuesday and Thursday" as one Arabic list, each time isolated left to right, the full stop after the isolate.
        Assert.Contains("زوروا مكتبنا الثلاثاء والخميس، من \u206609:00\u2069 إلى \u206612:00\u2069.</p>", footer, StringComparison.Ordinal);
        // The address in a paragraph of its own, marked as Dutch: no colon of the hours lands beside it.
        Assert.Contains("<p>العنوان: <bdi lang=\"nl\">Stadswinkel, Korte Nieuwstraat 6, Nijmegen</bdi></p>", footer, StringComparison.Ordinal);
        Assert.DoesNotContain("12:00\u2069:", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_page_shows_the_walk_in_days_and_hours_as_the_footer_does()
    {
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync("/help");

        var main = WebUtility.HtmlDecode(html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("<footer", StringComparison.Ordinal)]);
        Assert.Contains("Kom langs op dinsdag en donderdag, van \u206609:00\u2069 tot \u206612:00\u2069.", main, StringComparison.Ordinal);
    }

    private async Task<FormClient> VisitorAsync(string language)
    {
        var client = new FormClient(fixture.Factory);
        if (language != "nl") await client.SubmitAsync("/language", ("code", language), ("returnUrl", "/"));
        return client;
    }
}
