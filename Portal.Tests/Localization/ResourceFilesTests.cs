using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Domain.Languages;

namespace Portal.Tests.Localization;

/// <summary>Every text a user can see exists in every complete language, and every key the code asks for exists.</summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string PortalDirectory = Path.Combine(RepositoryRoot(), "Portal");

    public static TheoryData<string> TranslatedLanguages() => [.. Languages.Offered.Where(l => l.Code != Languages.Default).Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void Every_Dutch_text_is_translated_in_each_complete_language(string code)
    {
        var dutch = Read("SharedResource.resx");
        var translated = Read($"SharedResource.{code}.resx");

        var missing = dutch.Keys.Where(k => !translated.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        var extra = translated.Keys.Except(dutch.Keys).ToList();

        Assert.True(missing.Count == 0, $"Missing in '{code}': {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"Not in Dutch but in '{code}': {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(TranslatedLanguages))]
    public void Translations_keep_the_placeholders_of_the_Dutch_text(string code)
    {
        var dutch = Read("SharedResource.resx");
        var translated = Read($"SharedResource.{code}.resx");

        var broken = dutch.Where(d => translated.TryGetValue(d.Key, out var t) && Placeholders(d.Value) != Placeholders(t))
            .Select(d => d.Key).ToList();

        Assert.True(broken.Count == 0, $"Placeholders differ in '{code}': {string.Join(", ", broken)}");
    }

    [Fact]
    public void Every_text_key_used_by_pages_and_code_exists_in_Dutch()
    {
        var dutch = Read("SharedResource.resx");
        var used = Directory.EnumerateFiles(PortalDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        var missing = used.Where(k => !dutch.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, $"Used but not in SharedResource.resx: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Languages_not_yet_complete_are_not_offered_in_the_switch()
    {
        foreach (var language in Languages.All.Where(l => !l.Complete))
        {
            Assert.DoesNotContain(language, Languages.Offered);
        }
        Assert.Contains(Languages.All, l => l.Code == "ar" && l.RightToLeft && l.Complete);
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order());

    internal static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(PortalDirectory, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test output.");
    }

    // T["Key"], text["Key"], label="Key", hint="Key", ErrorMessage = "Key" — literal keys only.
    [GeneratedRegex("""(?:\b(?:T|text)\[\s*"|\b(?:label|hint)="|ErrorMessage\s*=\s*")(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)["]""")]
    private static partial Regex UsedKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
