using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// One Chromium for the whole collection (starting a browser costs a second or more); each test gets its own
/// context, so cookies, language and sign-in never leak between tests. Debian's chromium, never "playwright install".
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const int DesktopWidth = 1280;
    public const int DesktopHeight = 800;

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Generous, because the machine running the suite may be busy; waits end as soon as the condition holds.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <param name="locale">The browser's language (its Accept-Language header); Dutch unless a test is about it.</param>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, int width = DesktopWidth, int height = DesktopHeight, bool javaScript = true,
        string locale = "nl-NL")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = locale,
            TimezoneId = "Europe/Amsterdam",
        });
        await context.AddInitScriptAsync(Axe.Source);
        if (!javaScript) Axe.MarkScriptless(context);
        return context;
    }

    /// <summary>
    /// The page's current markup, opened in a scripted tab of its own so that axe can run on it: same URL (so the
    /// stylesheet and images load), the document served from the captured HTML, the site's scripts not loaded.
    /// The caller closes the returned page.
    /// </summary>
    public static async Task<IPage> OpenInspectableCopyAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var url = page.Url;
        var context = await InspectionContexts.GetValue(page.Context.Browser!, async browser =>
        {
            var created = await browser.NewContextAsync();
            await created.AddInitScriptAsync(Axe.Source);
            return created;
        });
        var copy = await context.NewPageAsync();
        await copy.SetViewportSizeAsync(page.ViewportSize!.Width, page.ViewportSize.Height);
        await copy.RouteAsync("**/*", route =>
        {
            var request = route.Request;
            if (request.IsNavigationRequest && request.Url == url)
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            return request.ResourceType == "script" ? route.AbortAsync() : route.ContinueAsync();
        });
        await copy.GotoAsync(url);
        return copy;
    }

    /// <summary>One scripted context per browser for <see cref="OpenInspectableCopyAsync"/>; a context costs half a second.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowser, Task<IBrowserContext>> InspectionContexts = [];

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Portal in a browser";
}
