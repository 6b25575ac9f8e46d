using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Domain.Languages;

namespace Portal.Tests.Localization;

/// <summary>Every text a user can see exists in every complete language, and every key the code asks for exists.</summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string PortalDirectory = Path.Combine(RepositoryRoot(), "Portal");

    /// <summary>Every resource set (SharedResource, SchemeText, ...) in every complete language but Dutch.</summary>
    public static TheoryData<string, string> TranslatedSets()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in ResourceSets())
            foreach (var language in Languages.Offered.Where(l => l.Code != Languages.Default))
                data.Add(set, language.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(TranslatedSets))]
    public void Every_Dutch_text_is_translated_in_each_complete_language(string set, string code)
    {
        var dutch = Read($"{set}.resx");
        var translated = Read($"{set}.{code}.resx");

        var missing = dutch.Keys.Where(k => !translated.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)).ToList();
        var extra = translated.Keys.Except(dutch.Keys).ToList();

        Assert.True(missing.Count == 0, $"Missing in {set}.{code}: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"Not in Dutch but in {set}.{code}: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(TranslatedSets))]
    public void Translations_keep_the_placeholders_of_the_Dutch_text(string set, string code)
    {
        var dutch = Read($"{set}.resx");
        var translated = Read($"{set}.{code}.resx");

        var broken = dutch.Where(d => translated.TryGetValue(d.Key, out var t) && Placeholders(d.Value) != Placeholders(t))
            .Select(d => d.Key).ToList();

        Assert.True(broken.Count == 0, $"Placeholders differ in '{code}': {string.Join(", ", broken)}");
    }

    [Fact]
    public void Every_text_key_used_by_pages_and_code_exists_in_Dutch()
    {
        var dutch = AllDutch();
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
    public void Every_refusal_the_domain_can_give_has_a_text()
    {
        var dutch = AllDutch();
        var refusals = new[] { PortalDirectory, Path.Combine(RepositoryRoot(), "Portal.Domain") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Refusal().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.Contains("Application.NotYours", refusals);
        var missing = refusals.Where(k => !dutch.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, $"Refused with a key that has no text: {string.Join(", ", missing)}");
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

    /// <summary>The base names of the resource files: SharedResource, SchemeText, ...</summary>
    internal static IReadOnlyList<string> ResourceSets() =>
        Directory.EnumerateFiles(Path.Combine(PortalDirectory, "Resources"), "*.resx")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.Contains('.'))
            .Select(name => name!)
            .Order()
            .ToList();

    /// <summary>Every Dutch text of every set, by key (keys are unique across sets).</summary>
    internal static Dictionary<string, string> AllDutch() =>
        ResourceSets().SelectMany(set => Read($"{set}.resx")).ToDictionary(kv => kv.Key, kv => kv.Value);

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

    // T["Key"], text["Key"], S["Key"], label="Key", hint="Key", ErrorMessage = "Key" — literal keys only.
    [GeneratedRegex("""(?:\b(?:T|S|text)\[\s*"|\b(?:label|hint)="|ErrorMessage\s*=\s*")(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)["]""")]
    private static partial Regex UsedKey();

    // throw new DomainException("Key") — literal keys only; keys held in constants are covered by their own tests.
    [GeneratedRegex("""DomainException\(\s*"(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)"\s*\)""")]
    private static partial Regex Refusal();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
