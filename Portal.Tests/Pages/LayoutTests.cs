using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>The base layout every page shares: one h1, landmarks, skip link, language and direction, help contact.</summary>
[Collection(Db.Organisations)]
public sealed partial class LayoutTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        await using var db = fixture.Database.NewContext();
        await Portal.Data.DemoData.SeedSchemesAsync(db, TimeProvider.System);
    }
    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> AnonymousPages() =>
    [
        "/", "/help", "/language", "/account/register", "/account/sign-in", "/account/sign-in-link", "/account/forgot-password",
        "/account/check-email", "/account/confirm-email", "/account/link?token=x", "/account/sign-out", "/account/reset-password",
        "/error/400", "/error/404", "/error/413", "/error/429", "/error/500", "/schemes", "/schemes/samen-doen", "/schemes/samen-doen/check/1",
        "/privacy", "/accessibility",
    ];

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task Every_page_has_one_h1_landmarks_a_skip_link_and_the_help_contact(string url)
    {
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync(url);

        Assert.Single(H1().Matches(html));
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<header", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:", html, StringComparison.Ordinal);
        Assert.Contains("Vraag hulp aan een coach", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_help_contact_comes_from_configuration_and_walk_in_days_are_in_the_page_language()
    {
        await using var factory = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?>
        {
            ["Help:Phone"] = "024 123 45 67",
            ["Help:WalkInDays:0"] = "3",
        });
        using var client = new FormClient(factory);
        await client.SubmitAsync("/language", ("code", "en"), ("returnUrl", "/"));

        var (_, html) = await client.GetAsync("/");

        Assert.Contains("024 123 45 67", html, StringComparison.Ordinal);
        Assert.Contains("Come during our drop-in hours: Wednesday and Thursday, from", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_names_each_language_in_its_own_script()
    {
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync("/");

        Assert.Matches("""<button[^>]*value="nl" lang="nl" dir="ltr"\s+aria-current="true">Nederlands</button>""", html);
        Assert.Contains(">English</button>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\">العربية</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_browser_is_told_to_use_https_only()
    {
        // ASP.NET Core never sends HSTS for localhost, so ask as the real host would be asked.
        await using var portal = new PortalFactory(fixture.Database,
            settings: new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://subsidie.nijmegen.example" });
        using var client = portal.CreateClient(new() { BaseAddress = new Uri("https://subsidie.nijmegen.example") });

        using var response = await client.GetAsync("/");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
