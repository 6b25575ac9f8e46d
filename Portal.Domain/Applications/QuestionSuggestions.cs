using System.Text.Json;
using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// Suggestions tied to a question ("activity.description": "Zeg ook wie de avond leidt."): a return with suggestions shows
/// each at its own question, so the applicant sees what to improve where they change it. Stored as a JSON object of question
/// key and text; keys that are no question (forged, or outdated) are never kept.
/// </summary>
public static class QuestionSuggestions
{
    public const int MaxLength = 1000;
    public const string Empty = "{}";

    public static IReadOnlyDictionary<QuestionKey, string> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new Dictionary<QuestionKey, string>();
        var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return raw.Select(r => (Key: QuestionKey.Parse(r.Key), r.Value)).Where(r => r.Key is not null && !string.IsNullOrWhiteSpace(r.Value))
            .ToDictionary(r => r.Key!, r => r.Value);
    }

    /// <summary>The suggestions as stored; an empty text removes one, a text longer than <see cref="MaxLength"/> is refused.</summary>
    public static string Write(IEnumerable<KeyValuePair<QuestionKey, string?>> suggestions)
    {
        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in suggestions)
        {
            var written = string.IsNullOrWhiteSpace(text) ? null : UserText.WithoutInvisibleFormatting(text).Trim();
            if (string.IsNullOrEmpty(written)) continue;
            if (written.Length > MaxLength) throw new DomainException("Answer.TooLong");
            kept[key.Value] = written;
        }
        return JsonSerializer.Serialize(kept);
    }

    /// <summary>One suggestion changed in <paramref name="json"/>: set, or removed when <paramref name="text"/> is empty.</summary>
    public static string With(string? json, QuestionKey key, string? text)
    {
        var all = Read(json).ToDictionary(s => s.Key, s => (string?)s.Value);
        all[key] = text;
        return Write(all);
    }
}
