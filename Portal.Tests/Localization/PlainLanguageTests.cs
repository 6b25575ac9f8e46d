using System.Text.RegularExpressions;

namespace Portal.Tests.Localization;

/// <summary>
/// PRODUCT.md principle 1: Dutch at B1 — short sentences (at most 12 words on average, none over 20) and no jargon
/// without its explanation beside it. Checked on every Dutch text the applicant can see.
/// </summary>
public sealed partial class PlainLanguageTests
{
    private const double MaximumAverageWords = 12;
    private const int MaximumWords = 20;

    /// <summary>Texts only staff read; they may be more formal.</summary>
    private static readonly string[] StaffOnlyPrefixes = ["Staff.", "Role.", "TwoFactorSetup.", "Dispatch.Staff.", "DecisionPage.Staff."];

    /// <summary>Legal or bureaucratic words that need an explanation in brackets right after them.</summary>
    private static readonly string[] Jargon =
    [
        "beschikking", "subsidieplafond", "penvoerder", "cofinanciering", "bezwaar", "verantwoording", "vaststelling",
        "subsidieverlening", "afwegingskader", "machtiging", "kvk-nummer",
    ];

    [Fact]
    public void Dutch_sentences_are_short_on_average_and_none_is_long()
    {
        var sentences = ApplicantTexts().SelectMany(t => Sentences(t.Value).Select(s => (t.Key, Sentence: s))).ToList();

        var average = sentences.Average(s => Words(s.Sentence));
        var tooLong = sentences.Where(s => Words(s.Sentence) > MaximumWords).Select(s => $"{s.Key}: \"{s.Sentence}\" ({Words(s.Sentence)} words)").ToList();

        Assert.True(sentences.Count > 100, $"Only {sentences.Count} sentences found");
        Assert.True(average <= MaximumAverageWords, $"Average sentence length is {average:0.0} words (limit {MaximumAverageWords})");
        Assert.True(tooLong.Count == 0, "Sentences over " + MaximumWords + " words:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void Jargon_appears_only_with_its_explanation()
    {
        var unexplained = ApplicantTexts()
            .SelectMany(t => Jargon.Where(word => Unexplained(t.Value, word)).Select(word => $"{t.Key}: '{word}'"))
            .ToList();

        Assert.True(unexplained.Count == 0, "Jargon without an explanation in brackets:\n" + string.Join("\n", unexplained));
    }

    [Theory]
    [InlineData("Het is een subsidieplafond.", "subsidieplafond", true)]
    [InlineData("Het subsidieplafond (het geld dat er in totaal is) is op.", "subsidieplafond", false)]
    [InlineData("U kunt bezwaar (een verzoek om opnieuw naar het besluit te kijken) maken.", "bezwaar", false)]
    public void An_explanation_is_recognised_in_brackets_right_after_the_word(string text, string word, bool unexplained) =>
        Assert.Equal(unexplained, Unexplained(text, word));

    [Fact]
    public void Sentences_are_counted_the_way_a_reader_sees_them()
    {
        Assert.Equal(["Bel ons.", "Wij helpen u graag!"], Sentences("Bel ons. Wij helpen u graag!"));
        Assert.Equal(4, Words("Kijk op https://example.org/lang/pad vandaag."));
    }

    private static IEnumerable<KeyValuePair<string, string>> ApplicantTexts() =>
        ResourceFilesTests.AllDutch().Where(t => !StaffOnlyPrefixes.Any(p => t.Key.StartsWith(p, StringComparison.Ordinal)));

    private static bool Unexplained(string text, string word)
    {
        var lower = text.ToLowerInvariant();
        for (var at = lower.IndexOf(word, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            var rest = lower[(at + word.Length)..].TrimStart();
            if (!rest.StartsWith('(')) return true;
        }
        return false;
    }

    internal static IReadOnlyList<string> Sentences(string text) =>
        SentenceEnd().Split(Url().Replace(text, "URL").Replace("{0}", "URL", StringComparison.Ordinal))
            .Select(s => s.Trim())
            .Where(s => Words(s) > 0)
            .ToList();

    internal static int Words(string sentence) =>
        Url().Replace(sentence, "URL").Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.Any(char.IsLetterOrDigit));

    [GeneratedRegex(@"(?<=[.!?:])\s+|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
