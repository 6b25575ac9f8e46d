using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>Performance budget of ENGINEERING.md: a page with its CSS and JavaScript is at most 50 KB compressed, all from this site.</summary>
[Collection(Db.Organisations)]
public sealed partial class PageWeightTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const int Budget = 50 * 1024;

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        await using var db = fixture.Database.NewContext();
        await Portal.Data.DemoData.SeedSchemesAsync(db, TimeProvider.System);
    }
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/")]
    [InlineData("/help")]
    [InlineData("/account/register")]
    [InlineData("/account/sign-in")]
    [InlineData("/account/sign-in-link")]
    [InlineData("/account/forgot-password")]
    [InlineData("/error/404")]
    [InlineData("/schemes")]
    [InlineData("/schemes/samen-doen")]
    [InlineData("/schemes/samen-doen/check/1")]
    public async Task A_page_weighs_at_most_50_KB_compressed_and_loads_nothing_from_elsewhere(string url)
    {
        using var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var html = await client.GetAsync(url);
        var htmlBytes = (await html.Content.ReadAsByteArrayAsync()).Length;
        var text = await (await fixture.Factory.CreateClient().GetAsync(url)).Content.ReadAsStringAsync();
        var assets = AssetPattern().Matches(text).Select(m => m.Groups["url"].Value).Distinct().ToList();
        var total = htmlBytes;
        foreach (var asset in assets)
        {
            Assert.StartsWith("/", asset, StringComparison.Ordinal);
            var response = await client.GetAsync(asset);
            response.EnsureSuccessStatusCode();
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.NotEmpty(html.Content.Headers.ContentEncoding);
        Assert.Equal(3, assets.Count);
        Assert.True(total <= Budget, $"{url} weighs {total} bytes compressed (budget {Budget})");
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+\.(?:css|js)(?:\?[^"]*)?)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetPattern();
}
