using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// With PORTAL_SCREENSHOTS=1: every page a test sees, in Dutch and Arabic, the whole page at 1280, 390, 360 and 320 px
/// wide, saved as screenshots/{name}.{language}.{desktop|390|360|320}.png for a person to look at; on a phone-sized
/// walk also the screen as the page opened ({name}.{language}.{width}.opened.png): where it scrolled to, what has focus.
/// </summary>
public static class Screenshots
{
    private const string CultureCookie = ".AspNetCore.Culture";

    /// <param name="replayable">The page shows the same when opened again with GET (not the answer to a form post),
    /// so it can be opened once more in the other language.</param>
    public static async Task CaptureAsync(IPage page, string name, bool replayable, Uri baseUrl)
    {
        var directory = TestEnvironment.ScreenshotDirectory;
        Directory.CreateDirectory(directory);
        var language = await page.GetAttributeAsync("html", "lang") ?? "nl";
        await CaptureAllWidthsAsync(page, Path.Combine(directory, $"{name}.{language}"));
        if (!replayable) return;

        // The same page in the other language, in a second tab of the same context (same sign-in), then the language put back.
        var other = language == "ar" ? "nl" : "ar";
        var context = page.Context;
        var previous = (await context.CookiesAsync([baseUrl.ToString()])).FirstOrDefault(c => c.Name == CultureCookie);
        await context.AddCookiesAsync([new Cookie { Name = CultureCookie, Value = $"c%3D{other}%7Cuic%3D{other}", Url = baseUrl.ToString() }]);
        var replay = await context.NewPageAsync();
        try
        {
            await replay.GotoAsync(page.Url);
            await replay.AssertNoAxeViolationsAsync($"{name}, {other}");
            await CaptureAllWidthsAsync(replay, Path.Combine(directory, $"{name}.{other}"));
        }
        finally
        {
            await replay.CloseAsync();
            if (previous is null)
                await context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = CultureCookie });
            else
                await context.AddCookiesAsync([new Cookie
                {
                    Name = previous.Name, Value = previous.Value, Domain = previous.Domain, Path = previous.Path,
                    Expires = previous.Expires, HttpOnly = previous.HttpOnly, Secure = previous.Secure, SameSite = previous.SameSite,
                }]);
        }
    }

    private static readonly int[] PhoneWidths = [390, 360, 320];

    private static async Task CaptureAllWidthsAsync(IPage page, string path)
    {
        // Caret "initial": hiding the caret makes Playwright leave style="" on every input, and htmx then copies that
        // inline style during a swap, which the CSP (rightly) refuses: the screenshot would change what it records.
        var size = page.ViewportSize!;
        if (size.Width < BrowserFixture.DesktopWidth)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"{path}.{size.Width}.opened.png", Caret = ScreenshotCaret.Initial });
        await page.SetViewportSizeAsync(BrowserFixture.DesktopWidth, BrowserFixture.DesktopHeight);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"{path}.desktop.png", FullPage = true, Caret = ScreenshotCaret.Initial });
        foreach (var width in PhoneWidths)
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"{path}.{width}.png", FullPage = true, Caret = ScreenshotCaret.Initial });
        }
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
