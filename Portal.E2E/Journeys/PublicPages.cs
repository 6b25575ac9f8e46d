using System.Text.RegularExpressions;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Journeys;

/// <summary>
/// The public pages as a first-time visitor on a 320 px phone meets them: the language the browser asks for (no
/// switch pressed), the icon (a missing one would be a console error), and changing one quick-check answer from the
/// result, which comes straight back to the result. Every page passes axe.
/// </summary>
public sealed class PublicPages(PortalServer server, BrowserFixture browser, ITestOutputHelper output) : Journey(server, browser, output)
{
    [Theory]
    [InlineData("nl", "nl-NL")]
    [InlineData("ar", "ar-SA")]
    public async Task A_visitor_changes_one_quick_check_answer_and_comes_back_to_the_result(string language, string browserLocale)
    {
        await Server.SeedSchemesAsync();
        var page = await OpenBrowserAsync(width: 320, height: 640, locale: browserLocale);
        var check = new QuickCheckPage(page, language);

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await FitsAsync(page, "public-home");

        await page.GotoAsync("/schemes/samen-doen/check/result?InNijmegen=yes&Together=yes&OpenToOthers=yes&NoProfit=yes&NotStarted=yes");
        await Expect(check.Heading).ToHaveTextAsync(check.Say("QuickCheck.Result.Yes.Title"));
        await FitsAsync(page, "quick-check-result");

        await check.Change(2).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/schemes/samen-doen/check/2\\?.*from=result"));
        await Expect(check.Heading).ToHaveTextAsync(check.Say("Scheme.samen-doen.Check.Together"));
        await Expect(check.Yes).ToBeCheckedAsync();
        await FitsAsync(page, "quick-check-change");
        await check.No.CheckAsync();
        await check.Continue.ClickAsync();

        // Straight back to the outcome, not on to question 3; the other answers are kept.
        await Expect(page).ToHaveURLAsync(new Regex("/schemes/samen-doen/check/result\\?InNijmegen=yes&Together=no&OpenToOthers=yes&NoProfit=yes&NotStarted=yes$"));
        await Expect(check.Heading).ToHaveTextAsync(check.Say("QuickCheck.Result.No.Title"));
        await FitsAsync(page, "quick-check-result-changed");
    }

    private async Task FitsAsync(Microsoft.Playwright.IPage page, string name)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{name} is {width}px wide at a 320px viewport ({page.Url})");
        await SeeAsync(page, name);
    }
}
