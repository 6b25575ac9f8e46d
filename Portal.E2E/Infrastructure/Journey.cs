using System.Text.RegularExpressions;
using Portal.E2E.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Base of every browser test: fresh browser contexts per test, and <see cref="SeeAsync"/> as the one place a page
/// is looked at (axe, valid HTML, console errors, screenshots). At the end it checks that no page was loaded without
/// being looked at, and that the Nu Html Checker found no error in any of them.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract partial class Journey(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly System.Diagnostics.Stopwatch _sinceStart = System.Diagnostics.Stopwatch.StartNew();
    private readonly Dictionary<IPage, Tracking> _pages = [];
    /// <summary>What to send to the Nu Html Checker at the end of the test: a label and the HTML (read from the browser).</summary>
    private readonly List<(string Label, Func<Task<string?>> Html)> _htmlToCheck = [];

    protected PortalServer Server => server;
    protected ITestOutputHelper Output => output;

    private sealed class Tracking
    {
        public string LastNavigationMethod = "GET";
        public readonly List<string> Loaded = [];
        public readonly HashSet<string> Seen = [];
        public readonly List<string> Errors = [];
        /// <summary>HTML the server sent since the page was last looked at: documents and htmx fragments, as served.</summary>
        public readonly List<(string Kind, string Url, Task<string> Body)> Served = [];
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
        page.Response += (_, response) =>
        {
            // The bytes as served: the browser's parser repairs some errors (a stray end tag) before the page can be read.
            var request = response.Request;
            if (response.Status != 200 || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal)) return;
            if (request.IsNavigationRequest && request.Frame == page.MainFrame)
                lock (tracking.Served) tracking.Served.Add(("document", response.Url, response.TextAsync()));
            else if (request.Headers.GetValueOrDefault("hx-request") == "true")
                lock (tracking.Served) tracking.Served.Add(("htmx fragment", response.Url, response.TextAsync()));
        };
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
    /// Looks at the page as it is now: no axe violations (WCAG 2.2 AA), valid HTML (all pages of the test checked in one run
    /// at the end of the test), and with PORTAL_SCREENSHOTS=1 screenshots. Call after every navigation and every htmx swap.
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
        CheckHtml(name, page.Url, await page.ContentAsync(), tracking);
        if (TestEnvironment.Screenshots)
            await Screenshots.CaptureAsync(page, name, replayable ?? tracking.LastNavigationMethod == "GET", server.BaseUrl);
    }

    /// <summary>
    /// Sends to the Nu Html Checker what the server sent since the last look (documents and htmx fragments as served) and
    /// the page as it is now, after scripts and swaps (an id twice after a swap shows only there).
    /// </summary>
    private void CheckHtml(string name, string url, string current, Tracking tracking)
    {
        List<(string Kind, string Url, Task<string> Body)> served;
        lock (tracking.Served)
        {
            served = [.. tracking.Served];
            tracking.Served.Clear();
        }
        foreach (var (kind, servedUrl, body) in served)
            _htmlToCheck.Add(($"{name}: {kind} {PathOf(servedUrl)}", async () =>
            {
                try
                {
                    // A body the browser dropped without saying so (an autosave overtaken by the submit) never arrives.
                    var html = await body.WaitAsync(TimeSpan.FromSeconds(10));
                    return kind == "document" ? html : HtmlChecker.AsDocument(html);
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    return null; // the browser dropped the body (the page moved on at once); the page as shown is still checked
                }
            }));
        _htmlToCheck.Add(($"{name}: page {PathOf(url)} as shown", () => Task.FromResult<string?>(current)));
    }

    /// <summary>One checker run over everything this test looked at: "invalid HTML (where), n error(s)" per document.</summary>
    private async Task<IEnumerable<string>> HtmlProblemsAsync()
    {
        var documents = new List<(string Label, string Html)>();
        foreach (var (label, html) in _htmlToCheck)
            if (await html() is { } text) documents.Add((label, text));
        var errors = await HtmlChecker.ErrorsAsync(documents);
        output.WriteLine($"Nu Html Checker: {documents.Count} document(s), {errors.Count} with errors");
        return errors.Select(e => $"invalid HTML ({e.Key}), {e.Value.Count} error(s):\n    " + string.Join("\n    ", e.Value));
    }

    /// <summary>
    /// Signs <paramref name="account"/> in on <paramref name="tab"/> through the sign-in page, and through the code page when
    /// the account has a second factor (staff), looking at each page on the way.
    /// </summary>
    protected async Task SignInAsAsync(IPage tab, TestAccount account)
    {
        var signIn = new SignInPage(tab);
        await signIn.GotoAsync();
        await SeeAsync(tab, "sign-in");
        await signIn.SignInAsync(account.Email, account.Password);
        if (account.AuthenticatorKey is { } key)
        {
            var code = new TwoFactorPage(tab);
            await Assertions.Expect(code.Heading).ToHaveTextAsync("Vul uw code in");
            await SeeAsync(tab, "two-factor");
            await code.SubmitAsync(Totp.FreshCode(key));
        }
        await Assertions.Expect(tab).Not.ToHaveURLAsync(SignInUrl());
        await SeeAsync(tab, "signed-in");
    }

    [GeneratedRegex("/account/(sign-in|two-factor)")]
    private static partial Regex SignInUrl();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var problems = new List<string>();
        problems.AddRange(await HtmlProblemsAsync()); // before closing: served bodies are read from the browser
        foreach (var context in _contexts) await context.CloseAsync();
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
