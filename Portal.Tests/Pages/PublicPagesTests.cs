using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// What a browser or a search engine asks of the public site on its own: robots.txt, the sitemap, the icon, cacheable
/// CSS and JavaScript, a description of each public page, and the language the browser asks for on a first visit.
/// </summary>
[Collection(Db.Organisations)]
public sealed partial class PublicPagesTests(DatabaseFixture fixture) : IAsyncLifetime
{
    /// <summary>Not the address the test client sends as Host: what the files name must come from configuration.</summary>
    private const string PublicUrl = "https://subsidie.nijmegen.example";

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        await using var db = fixture.Database.NewContext();
        await Portal.Data.DemoData.SeedSchemesAsync(db, TimeProvider.System);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Robots_txt_allows_the_public_pages_keeps_out_of_signed_in_areas_and_names_the_sitemap_at_the_public_address()
    {
        await using var portal = PortalAnsweringAnyHost();
        using var client = new FormClient(portal);

        var (response, text) = await client.GetAsync("/robots.txt", ("Host", "evil.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /account/", lines);
        Assert.Contains("Disallow: /applications", lines);
        Assert.Contains("Disallow: /organisation", lines);
        Assert.Contains("Disallow: /staff", lines);
        Assert.DoesNotContain(lines, l => l is "Disallow: /" or "Disallow: /schemes" or "Disallow: /help");
        Assert.Contains($"Sitemap: {PublicUrl}/sitemap.xml", lines);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_the_public_pages_with_absolute_addresses_from_configuration_never_from_the_Host_header()
    {
        await using var portal = PortalAnsweringAnyHost();
        using var client = new FormClient(portal);

        var (response, xml) = await client.GetAsync("/sitemap.xml", ("Host", "evil.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Parse(xml).Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Equal(
            [$"{PublicUrl}/", $"{PublicUrl}/schemes", $"{PublicUrl}/help", $"{PublicUrl}/privacy", $"{PublicUrl}/accessibility",
             $"{PublicUrl}/schemes/samen-doen", $"{PublicUrl}/schemes/themabijeenkomsten", $"{PublicUrl}/schemes/mantelzorg-ontmoeting"],
            locations);
        Assert.DoesNotContain("evil.example", xml, StringComparison.Ordinal);
        // Every address listed is a page anyone can open.
        using var anonymous = new FormClient(fixture.Factory);
        foreach (var location in locations)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(location).PathAndQuery)).Response.StatusCode);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_icon_is_served_to_anyone(string path, string type)
    {
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.InRange(bytes.Length, 100, 10_000);
        if (path.EndsWith(".ico", StringComparison.Ordinal)) Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    [Fact]
    public async Task Every_page_names_the_icon()
    {
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync("/");

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versioned_css_and_javascript_are_cached_for_a_year_unversioned_files_briefly()
    {
        using var client = new FormClient(fixture.Factory);
        var (_, html) = await client.GetAsync("/");
        var versioned = VersionedAsset().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();

        Assert.Equal(3, versioned.Count); // site.css, htmx and site.js
        foreach (var url in versioned)
        {
            var (response, _) = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public,max-age=31536000,immutable", response.Headers.CacheControl!.ToString().Replace(" ", "", StringComparison.Ordinal));
        }
        foreach (var url in new[] { "/css/site.css", "/favicon.ico" })
        {
            var (response, _) = await client.GetAsync(url);
            Assert.Equal("public,max-age=3600", response.Headers.CacheControl!.ToString().Replace(" ", "", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string, string, string> Descriptions() => new()
    {
        { "nl", "/", "Geld voor een activiteit in uw buurt in Nijmegen." },
        { "en", "/", "Money for an activity in your neighbourhood in Nijmegen." },
        { "ar", "/", "تمويل لنشاط في حيّكم في نايميخن." },
        { "nl", "/schemes", "Alle subsidieregelingen voor bewoners en kleine groepen in Nijmegen" },
        { "en", "/help", "Help with your application: call us" },
        { "ar", "/help", "مساعدة في طلبكم" },
        { "nl", "/schemes/samen-doen", "Voor een activiteit die bewoners samen organiseren in hun buurt." },
        { "en", "/schemes/samen-doen/check/1", "Check in 2 minutes whether you can apply for Small grant Doing Things Together." },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public async Task A_public_page_has_a_description_in_the_page_language(string language, string path, string start)
    {
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync(path, ("Cookie", $".AspNetCore.Culture=c%3D{language}%7Cuic%3D{language}"));

        var description = WebUtility.HtmlDecode(Description().Match(html).Groups["text"].Value);
        Assert.StartsWith(start, description, StringComparison.Ordinal);
        Assert.Single(Description().Matches(html));
    }

    [Theory]
    [InlineData("ar", "<html lang=\"ar\" dir=\"rtl\">")]
    [InlineData("ar-SA,ar;q=0.9", "<html lang=\"ar\" dir=\"rtl\">")]
    [InlineData("en-GB,en;q=0.9,nl;q=0.8", "<html lang=\"en\" dir=\"ltr\">")]
    [InlineData("de", "<html lang=\"nl\" dir=\"ltr\">")]
    [InlineData("tr-TR,tr;q=0.9", "<html lang=\"nl\" dir=\"ltr\">")]
    public async Task A_first_visit_follows_the_browsers_language_when_it_is_a_complete_one_and_is_Dutch_otherwise(string acceptLanguage, string html)
    {
        using var client = new FormClient(fixture.Factory);

        var (_, page) = await client.GetAsync("/schemes", ("Accept-Language", acceptLanguage));

        Assert.Contains(html, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chosen_language_wins_over_the_browsers_language()
    {
        using var client = new FormClient(fixture.Factory);

        var (_, page) = await client.GetAsync("/schemes", ("Cookie", ".AspNetCore.Culture=c%3Dnl%7Cuic%3Dnl"), ("Accept-Language", "ar"));

        Assert.Contains("<html lang=\"nl\" dir=\"ltr\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Geld voor uw activiteit: de regelingen</h1>", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// A portal at <see cref="PublicUrl"/> that answers any Host header (AllowedHosts "*", as in Development): the
    /// files must still name the configured address, not the one the request claims.
    /// </summary>
    private PortalFactory PortalAnsweringAnyHost() => new(fixture.Database, settings: new Dictionary<string, string?>
    {
        ["Portal:PublicUrl"] = PublicUrl,
        ["AllowedHosts"] = "*",
    });

    [GeneratedRegex("(?:href|src)=\"(?<url>/(?:css|js|lib)/[^\"]+\\?v=[^\"]+)\"")]
    private static partial Regex VersionedAsset();

    [GeneratedRegex("<meta name=\"description\" content=\"(?<text>[^\"]*)\">")]
    private static partial Regex Description();
}
