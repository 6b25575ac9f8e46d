using System.Globalization;
using System.Text;

namespace Portal.Domain.Common;

/// <summary>
/// Rules for short texts people type that others see again: names of groups and people, and file names.
/// <para>Invisible formatting characters are removed, because they make text look like something it is not: a
/// right-to-left override turns "evil\u202Egnp.pdf" into "evilfdp.png" on screen, and zero-width characters make two
/// different names look the same. Characters that real writing needs stay: the zero-width non-joiner inside Persian
/// or Arabic words, the zero-width joiner inside an emoji, the tags of a flag emoji.</para>
/// <para>A name is one line: a line break or another control character is refused, never stored, because a name is
/// also put into emails and headers where a line break starts something new.</para>
/// </summary>
public static class UserText
{
    /// <summary>The message key for a name with a line break, tab or other control character.</summary>
    public const string NotOneLineKey = "Name.NotOneLine";

    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>A name as it is stored: invisible formatting removed, trimmed, null when nothing is left.</summary>
    /// <exception cref="DomainException"><see cref="NotOneLineKey"/> when the name has a control character.</exception>
    public static string? Name(string? value)
    {
        if (NameProblem(value) is { } problem) throw new DomainException(problem);
        var visible = WithoutInvisibleFormatting(value ?? "").Trim();
        return visible.Length == 0 ? null : visible;
    }

    /// <returns>The message key of what is wrong with <paramref name="value"/> as a name, or null (empty is not this rule's concern).</returns>
    public static string? NameProblem(string? value) =>
        value is not null && value.Any(IsControlOrLineBreak) ? NotOneLineKey : null;

    /// <summary>
    /// A text to show on one line, also one stored before these rules: control characters and line breaks become spaces,
    /// invisible formatting goes.
    /// </summary>
    public static string AsOneLine(string value) =>
        new(WithoutInvisibleFormatting(value).Select(c => IsControlOrLineBreak(c) ? ' ' : c).ToArray());

    /// <summary>Removes bidi controls, zero-width characters and other invisible format characters (Unicode category Cf).</summary>
    public static string WithoutInvisibleFormatting(string value)
    {
        if (!value.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format || char.IsSurrogate(c))) return value;
        var kept = new StringBuilder(value.Length);
        var runes = value.EnumerateRunes().ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format || Needed(runes, i)) kept.Append(rune.ToString());
        }
        return kept.ToString();
    }

    /// <summary>The few format characters that are part of real writing where they stand.</summary>
    private static bool Needed(Rune[] runes, int i)
    {
        var previous = i > 0 ? runes[i - 1] : default(Rune?);
        var next = i + 1 < runes.Length ? runes[i + 1] : default(Rune?);
        return runes[i].Value switch
        {
            // Persian and Arabic words use the non-joiner between two letters ("می\u200Cخواهیم").
            ZeroWidthNonJoiner => previous is { } p && next is { } n && IsArabicScriptLetter(p) && IsArabicScriptLetter(n),
            // Emoji sequences such as a family or a rainbow flag are joined emoji.
            ZeroWidthJoiner => previous is { } p2 && next is { } n2 && IsEmojiPart(p2) && IsEmoji(n2),
            // Tag characters spell the region of a flag emoji (England, Scotland, Wales) right after the black flag.
            >= 0xE0020 and <= 0xE007F => previous is { } p3 && (p3.Value == 0x1F3F4 || p3.Value is >= 0xE0020 and <= 0xE007F),
            _ => false,
        };
    }

    private static bool IsControlOrLineBreak(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsArabicScriptLetter(Rune rune) =>
        Rune.IsLetter(rune) && rune.Value is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF)
            or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    private static bool IsEmoji(Rune rune) =>
        rune.Value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;

    /// <summary>An emoji (skin tones included), or the variation selector that may end one before a joiner.</summary>
    private static bool IsEmojiPart(Rune rune) => IsEmoji(rune) || rune.Value == 0xFE0F;
}
