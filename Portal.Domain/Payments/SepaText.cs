using System.Globalization;
using System.Text;

namespace Portal.Domain.Payments;

/// <summary>
/// Text in a SEPA credit transfer may use only the Latin character set of the EPC's implementation guidelines
/// (EPC 217-08, "SEPA requirements for an extended character set"): a–z, A–Z, 0–9, space and <c>/ - ? : ( ) . , ' +</c>.
/// Banks refuse or mangle anything else, while the schema itself accepts any text. The groups we pay are often named in
/// Arabic, Turkish, Ukrainian or with an emoji, so every name and remittance line is made safe here: accents are dropped
/// (é → e), letters of other scripts are written in Latin letters (Arabic and Cyrillic), and what has no Latin form
/// (emoji, Ethiopic) is left out. What is left is cut to the field's length.
/// </summary>
public static class SepaText
{
    public const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ";

    private static readonly Dictionary<char, string> Latin = new()
    {
        // Letters without a decomposition into a base letter and an accent.
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "AE", ['ø'] = "o", ['Ø'] = "O", ['œ'] = "oe", ['Œ'] = "OE", ['ł'] = "l", ['Ł'] = "L",
        ['đ'] = "d", ['Đ'] = "D", ['ð'] = "d", ['Ð'] = "D", ['þ'] = "th", ['Þ'] = "Th", ['ı'] = "i", ['ĳ'] = "ij", ['Ĳ'] = "IJ",
        ['&'] = "+", ['"'] = "'", ['‘'] = "'", ['’'] = "'", ['“'] = "'", ['”'] = "'", ['–'] = "-", ['—'] = "-", ['_'] = "-",
        ['€'] = "EUR", ['@'] = "(at)", ['#'] = "nr", ['!'] = ".", [';'] = ",", ['['] = "(", [']'] = ")", ['{'] = "(", ['}'] = ")",
        ['\\'] = "/", ['*'] = "", ['<'] = "(", ['>'] = ")", ['='] = "-", ['%'] = " procent", ['|'] = "/", ['\u060C'] = ",", ['\u061F'] = "?",
        // Arabic: a plain, readable Latin spelling (no diacritics, which SEPA cannot carry).
        ['ا'] = "a", ['أ'] = "a", ['إ'] = "i", ['آ'] = "aa", ['ء'] = "'", ['ؤ'] = "'", ['ئ'] = "'", ['ب'] = "b", ['ت'] = "t",
        ['ث'] = "th", ['ج'] = "j", ['ح'] = "h", ['خ'] = "kh", ['د'] = "d", ['ذ'] = "dh", ['ر'] = "r", ['ز'] = "z", ['س'] = "s",
        ['ش'] = "sh", ['ص'] = "s", ['ض'] = "d", ['ط'] = "t", ['ظ'] = "z", ['ع'] = "'", ['غ'] = "gh", ['ف'] = "f", ['ق'] = "q",
        ['ك'] = "k", ['ل'] = "l", ['م'] = "m", ['ن'] = "n", ['ه'] = "h", ['ة'] = "a", ['و'] = "w", ['ي'] = "y", ['ى'] = "a",
        ['پ'] = "p", ['چ'] = "ch", ['ژ'] = "zh", ['گ'] = "g", ['ک'] = "k", ['ی'] = "y",
        ['٠'] = "0", ['١'] = "1", ['٢'] = "2", ['٣'] = "3", ['٤'] = "4", ['٥'] = "5", ['٦'] = "6", ['٧'] = "7", ['٨'] = "8", ['٩'] = "9",
        // Ukrainian and Russian Cyrillic (the Ukrainian national transliteration, simplified).
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "ie", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "y", ['і'] = "i", ['ї'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n",
        ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ь'] = "", ['ю'] = "iu", ['я'] = "ia", ['ы'] = "y", ['э'] = "e", ['ъ'] = "",
        ['ё'] = "io",
    };

    /// <summary>
    /// <paramref name="text"/> in the SEPA character set, spaces collapsed, at most <paramref name="maxLength"/> characters;
    /// empty when nothing of it can be written in Latin letters (the caller then uses a fallback).
    /// </summary>
    public static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var written = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (Allowed.Contains(c)) written.Append(c);
            else if (char.IsWhiteSpace(c)) written.Append(' ');
            else if (char.IsSurrogate(c)) continue; // emoji and other characters beyond the first plane: no Latin form
            else if (Latin.TryGetValue(c, out var latin) || Latin.TryGetValue(char.ToLowerInvariant(c), out latin))
                written.Append(char.IsUpper(c) && latin.Length > 0 ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
            else written.Append(WithoutAccents(c));
        }
        var collapsed = string.Join(' ', written.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= maxLength ? collapsed : collapsed[..maxLength].TrimEnd();
    }

    /// <summary>Whether <paramref name="text"/> holds only characters of the SEPA set.</summary>
    public static bool IsClean(string text) => text.All(Allowed.Contains);

    /// <summary>é → e, ç → c, ş → s: the base letter of a letter with accents; anything else (emoji, other scripts) is dropped.</summary>
    private static string WithoutAccents(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark && Allowed.Contains(d));
        return string.Concat(kept);
    }
}
