using System.Text.RegularExpressions;

namespace Portal.Domain.Assessment;

public enum PlainLanguageProblem
{
    LongSentence,
    Jargon,
}

/// <summary>A warning about a text: a sentence that is too long (its first words), or a word of jargon without explanation.</summary>
public sealed record PlainLanguageWarning(PlainLanguageProblem Problem, string Text);

/// <summary>
/// The plain-language rules of PRODUCT.md (Dutch at B1) for what reviewers write to applicants: no sentence over 20 words,
/// and no jargon unless explained in brackets right after it. It warns; it never blocks — the reviewer decides.
/// </summary>
public static partial class PlainLanguage
{
    public const int MaximumWords = 20;

    /// <summary>Legal and office words an applicant may not know (the resource test's list, plus old-fashioned officialese).</summary>
    public static readonly IReadOnlyList<string> Jargon =
    [
        "beschikking", "subsidieplafond", "penvoerder", "cofinanciering", "verantwoording", "vaststelling", "subsidieverlening",
        "afwegingskader", "machtiging", "derhalve", "middels", "conform", "teneinde", "inzake", "onderhavige", "voornoemde",
        "alsmede", "dientengevolge", "ten behoeve van", "reeds", "aanvangen", "doch",
    ];

    public static IReadOnlyList<PlainLanguageWarning> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var warnings = new List<PlainLanguageWarning>();
        foreach (var sentence in SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var words = sentence.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit)).ToList();
            if (words.Count > MaximumWords)
                warnings.Add(new PlainLanguageWarning(PlainLanguageProblem.LongSentence, string.Join(' ', words.Take(6)) + " …"));
        }
        var lower = text.ToLowerInvariant();
        foreach (var word in Jargon)
        {
            foreach (Match match in Regex.Matches(lower, $@"\b{Regex.Escape(word)}\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                if (lower[(match.Index + match.Length)..].TrimStart().StartsWith('(')) continue;
                warnings.Add(new PlainLanguageWarning(PlainLanguageProblem.Jargon, word));
                break;
            }
        }
        return warnings;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceEnd();
}
