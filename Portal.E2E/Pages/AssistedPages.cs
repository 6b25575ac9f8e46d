using System.Globalization;
using System.Resources;
using Microsoft.Playwright;
using Portal.Infrastructure.Localization;

namespace Portal.E2E.Pages;

/// <summary>The coach's pages for someone who is not online (/coach/assisted/...), with texts from every resource set.</summary>
public sealed class AssistedPages(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    private static readonly ResourceManager AssistedTexts = new("Portal.Resources.AssistedText", typeof(AssistedText).Assembly);

    /// <summary>A text of the AssistedText set, or of any other set.</summary>
    public string Text(string key, params object[] arguments)
    {
        var culture = CultureInfo.GetCultureInfo(Language);
        if (AssistedTexts.GetString(key, culture) is not { } text) return Say(key, arguments);
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }

    public ILocator LinkTo(string key, params object[] arguments) => Main.GetByRole(AriaRole.Link, new() { Name = Text(key, arguments), Exact = true });
    public ILocator ButtonFor(string key, params object[] arguments) => Main.GetByRole(AriaRole.Button, new() { Name = Text(key, arguments), Exact = true });
    public ILocator FieldFor(string key) => Main.GetByLabel(Text(key), new() { Exact = true });
    public ILocator Choice(string key) => Main.GetByRole(AriaRole.Radio, new() { Name = Text(key), Exact = true });
    public ILocator Checkbox(string key, params object[] arguments) => Main.GetByRole(AriaRole.Checkbox, new() { Name = Text(key, arguments), Exact = true });
    public ILocator TakeoverCode => Main.Locator(".takeover-code");
}
