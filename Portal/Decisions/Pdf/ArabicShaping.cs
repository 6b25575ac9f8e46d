using System.Globalization;
using System.Text;

namespace Portal.Decisions.Pdf;

/// <summary>
/// What PDFsharp does not do (docs/decisions/0019): Arabic letters take a different shape at the start, middle and end of a
/// word, and a line with Arabic runs right to left. A PDF shows glyphs in the order they are drawn, so the letter draws the
/// contextual forms (Unicode Arabic Presentation Forms-B, which DejaVu Sans has) in visual order. Shaping follows the joining
/// rules of Unicode (dual-joining, right-joining, non-joining letters; marks are transparent) with the obligatory lam-alef
/// ligatures; the order is a small part of the bidirectional algorithm: runs of Arabic and of Latin or digits, neutrals
/// between two runs of one direction take that direction, otherwise the paragraph's.
/// </summary>
public static class ArabicShaping
{
    /// <summary>Isolated, final, initial and medial form per letter; right-joining letters have no initial or medial form.</summary>
    private static readonly Dictionary<char, char[]> Forms = BuildForms();

    /// <summary>Lam followed by alef (madda, hamza above, hamza below, plain): the isolated and final ligature.</summary>
    private static readonly Dictionary<char, (char Isolated, char Final)> LamAlef = new()
    {
        ['\u0622'] = ('\uFEF5', '\uFEF6'),
        ['\u0623'] = ('\uFEF7', '\uFEF8'),
        ['\u0625'] = ('\uFEF9', '\uFEFA'),
        ['\u0627'] = ('\uFEFB', '\uFEFC'),
    };

    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';

    /// <summary>
    /// Presentation Forms-B lists each letter's forms in a row — isolated, final, and for letters that join on both sides
    /// initial and medial — so the table is read from Unicode itself: every form decomposes (NFKC) to its letter.
    /// </summary>
    private static Dictionary<char, char[]> BuildForms()
    {
        var forms = new Dictionary<char, List<char>>();
        for (var c = '\uFE80'; c <= '\uFEF4'; c++)
        {
            var letter = c.ToString().Normalize(NormalizationForm.FormKC);
            if (letter.Length != 1) continue;
            if (!forms.TryGetValue(letter[0], out var list)) forms[letter[0]] = list = [];
            list.Add(c);
        }
        var table = forms.ToDictionary(f => f.Key, f => f.Value.ToArray());
        table[Tatweel] = [Tatweel, Tatweel, Tatweel, Tatweel];
        return table;
    }

    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool JoinsBothSides(char c) => Forms.TryGetValue(c, out var f) && f.Length == 4;

    private static bool Joins(char c) => Forms.TryGetValue(c, out var f) && f.Length >= 2;

    /// <summary>The text in logical order with each Arabic letter in its contextual form and lam-alef joined.</summary>
    public static string Shape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Forms.TryGetValue(c, out var forms))
            {
                result.Append(c);
                continue;
            }
            var previous = Neighbour(text, i, -1);
            var joinsBefore = previous is { } p && JoinsBothSides(p) && Joins(c);
            var nextIndex = NeighbourIndex(text, i, +1);
            if (c == Lam && nextIndex is { } alefAt && LamAlef.TryGetValue(text[alefAt], out var ligature))
            {
                result.Append(joinsBefore ? ligature.Final : ligature.Isolated);
                // Marks between lam and alef (rare) go after the ligature.
                for (var m = i + 1; m < alefAt; m++) result.Append(text[m]);
                i = alefAt;
                continue;
            }
            var joinsAfter = JoinsBothSides(c) && nextIndex is { } n && Joins(text[n]);
            var form = (joinsBefore, joinsAfter) switch
            {
                (true, true) => 3,
                (false, true) => 2,
                (true, false) => 1,
                _ => 0,
            };
            result.Append(forms[Math.Min(form, forms.Length - 1)]);
        }
        return result.ToString();
    }

    private static char? Neighbour(string text, int at, int step) => NeighbourIndex(text, at, step) is { } i ? text[i] : null;

    /// <summary>The next letter in that direction, stepping over marks (they do not break a join).</summary>
    private static int? NeighbourIndex(string text, int at, int step)
    {
        for (var i = at + step; i >= 0 && i < text.Length; i += step)
        {
            if (IsMark(text[i])) continue;
            return Forms.ContainsKey(text[i]) ? i : null;
        }
        return null;
    }

    private enum Direction { Left, Right, Neutral }

    private static Direction Of(char c) =>
        IsArabic(c) && !char.IsDigit(c) ? Direction.Right
        : char.IsLetterOrDigit(c) || c is '€' or '@' ? Direction.Left
        : Direction.Neutral;

    /// <summary>True when the first letter of the text is Arabic: the paragraph runs right to left.</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            var direction = Of(c);
            if (direction != Direction.Neutral) return direction == Direction.Right;
        }
        return false;
    }

    public static bool HasArabic(string text) => text.Any(IsArabic);

    /// <summary>
    /// Without the optional vowel marks (tanwin, shadda, sukun…): PDFsharp cannot place a mark over its letter (that needs the
    /// font's positioning tables), and everyday Arabic is written without them, so the PDF leaves them out rather than put
    /// them over the wrong letter. The page keeps them.
    /// </summary>
    public static string WithoutVowelMarks(string text) =>
        text.Any(IsVowelMark) ? new string(text.Where(c => !IsVowelMark(c)).ToArray()) : text;

    private static bool IsVowelMark(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670';

    /// <summary>
    /// One line (already shaped) in the order it is drawn, left to right. In a right-to-left line the runs come in reverse
    /// order and Arabic runs are reversed (a mark stays after its letter); Latin and digit runs keep their order.
    /// </summary>
    public static string Visual(string line, bool rightToLeft)
    {
        if (!rightToLeft && !HasArabic(line)) return line;
        var paragraph = rightToLeft ? Direction.Right : Direction.Left;
        var directions = line.Select(Of).ToArray();
        for (var i = 0; i < directions.Length; i++)
        {
            if (directions[i] != Direction.Neutral) continue;
            var end = i;
            while (end < directions.Length && directions[end] == Direction.Neutral) end++;
            var before = i > 0 ? directions[i - 1] : paragraph;
            var after = end < directions.Length ? directions[end] : paragraph;
            var resolved = before == after ? before : paragraph;
            for (var j = i; j < end; j++) directions[j] = resolved;
            i = end - 1;
        }

        var runs = new List<(Direction Direction, string Text)>();
        for (var i = 0; i < line.Length;)
        {
            var start = i;
            while (i < line.Length && directions[i] == directions[start]) i++;
            var run = line[start..i];
            runs.Add((directions[start], directions[start] == Direction.Right ? ReverseClusters(Mirror(run)) : run));
        }
        if (rightToLeft) runs.Reverse();
        return string.Concat(runs.Select(r => r.Text));
    }

    private static string Mirror(string run) => string.Concat(run.Select(c => c switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '«' => '»', '»' => '«', '<' => '>', '>' => '<',
        _ => c,
    }));

    /// <summary>Reverses a run by characters, keeping each mark after the letter it sits on.</summary>
    private static string ReverseClusters(string run)
    {
        var clusters = new List<string>();
        foreach (var c in run)
        {
            if (IsMark(c) && clusters.Count > 0) clusters[^1] += c;
            else clusters.Add(c.ToString());
        }
        clusters.Reverse();
        return string.Concat(clusters);
    }
}
