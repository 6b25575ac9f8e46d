using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Base of every browser test: fresh browser contexts per test, and <see cref="SeeAsync"/> as the one place a page
/// is looked at (axe, console errors, screenshots). At the end it checks that no page was loaded without being looked at.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract class Journey(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly System.Diagnostics.Stopwatch _sinceStart = System.Diagnostics.Stopwatch.StartNew();
    private readonly Dictionary<IPage, Tracking> _pages = [];

    protected PortalServer Server => server;
    protected ITestOutputHelper Output => output;

    private sealed class Tracking
    {
        public string LastNavigationMethod = "GET";
        public readonly List<string> Loaded = [];
        public readonly HashSet<string> Seen = [];
        public readonly List<string> Errors = [];
    }

    /// <summary>A new, empty browser (own cookies) with one tab.</summary>
    protected async Task<IPage> OpenBrowserAsync(int width = BrowserFixture.DesktopWidth, int height = BrowserFixture.DesktopHeight,
        bool javaScript = true, string locale = "nl-NL")
    {
        var context = await browser.NewContextAsync(server.BaseUrl, width, height, javaScript, locale);
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        var tracking = new Tracking();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest && request.Frame == page.MainFrame) tracking.LastNavigationMethod = request.Method;
        };
        page.Load += (_, loaded) => tracking.Loaded.Add(PathOf(loaded.Url));
        page.Console += (_, message) =>
        {
            // Anything logged as an error (a CSP violation, a failed request such as a missing icon, a script error) fails the test.
            // A page that is itself an error page (a test that expects a 400 or 503 checks it) is not an error of the page.
            if (message.Type == "error"
                && !(message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Location.StartsWith(page.Url, StringComparison.Ordinal)))
                tracking.Errors.Add($"console error on {page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => tracking.Errors.Add($"script error on {page.Url}: {error}");
        _pages[page] = tracking;
        return page;
    }

    /// <summary>
    /// Looks at the page as it is now: no axe violations (WCAG 2.2 AA), and with PORTAL_SCREENSHOTS=1 screenshots.
    /// Call after every navigation and every htmx swap.
    /// </summary>
    /// <param name="replayable">Whether opening the URL again shows the same; by default true when the page came from a GET.</param>
    protected async Task SeeAsync(IPage page, string name, bool? replayable = null)
    {
        var tracking = _pages[page];
        await page.WaitForLoadStateAsync(LoadState.Load);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.AssertNoAxeViolationsAsync(name);
        output.WriteLine($"{_sinceStart.Elapsed.TotalSeconds,6:F1}s {name} ({PathOf(page.Url)}): axe {clock.ElapsedMilliseconds} ms");
        tracking.Seen.Add(PathOf(page.Url));
        if (TestEnvironment.Screenshots)
            await Screenshots.CaptureAsync(page, name, replayable ?? tracking.LastNavigationMethod == "GET", server.BaseUrl);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        var problems = new List<string>();
        foreach (var tracking in _pages.Values)
        {
            problems.AddRange(tracking.Errors);
            problems.AddRange(tracking.Loaded.Distinct().Where(p => !tracking.Seen.Contains(p))
                .Select(p => $"{p} was loaded but never checked with SeeAsync (axe)"));
        }
        if (problems.Count > 0) Assert.Fail(string.Join("\n", problems));
    }

    private static string PathOf(string url) => new Uri(url).AbsolutePath;
}
