using System.Globalization;
using Portal.Domain.Money;

namespace Portal.Applications;

/// <summary>
/// Reads what people type into number and amount fields, the way they type it: Arabic-Indic digits, spaces, a decimal
/// comma. Each refusal returns a resource key with a plain explanation. Dates: <see cref="TypedDate"/>.
/// </summary>
public static class TypedAnswers
{
    /// <summary>Arabic-Indic (٠١٢) and Persian (۰۱۲) digits become 0–9; the Arabic decimal and group signs become , and .</summary>
    public static string Normalise(string? typed)
    {
        if (string.IsNullOrEmpty(typed)) return "";
        var chars = typed.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + chars[i] - '\u0660'),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + chars[i] - '\u06F0'),
                '\u066B' => ',',
                '\u066C' => '.',
                _ => chars[i],
            };
        }
        return new string(chars);
    }

    /// <summary>Empty is "not answered yet" (null); anything else must be a whole number.</summary>
    public static bool TryParseCount(string? typed, out int? count, out string? errorKey)
    {
        count = null;
        errorKey = null;
        var text = Normalise(typed).Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0) return true;
        if (text.StartsWith('-') && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            errorKey = "Activity.Participants.Range";
            return false;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errorKey = "Activity.Participants.NotANumber";
            return false;
        }
        count = value;
        return true;
    }

    /// <summary>An amount as people type it; <paramref name="emptyIsZero"/> for fields such as "own contribution".</summary>
    public static bool TryParseMoney(string? typed, bool emptyIsZero, out Money amount, out string? errorKey)
    {
        var text = Normalise(typed);
        if (emptyIsZero && text.Length == 0)
        {
            amount = Money.Zero;
            errorKey = null;
            return true;
        }
        return MoneyParser.TryParse(text, out amount, out errorKey);
    }

    /// <summary>
    /// An amount to put back into a field for editing: no thousands separator, so it can never be read as ambiguous, and
    /// the decimal comma of every amount on the site (<see cref="Money.Format"/>) in every language.
    /// </summary>
    public static string ForEditing(Money amount)
    {
        if (amount.Cents == 0) return "";
        var euros = (amount.Cents / 100).ToString(CultureInfo.InvariantCulture);
        if (amount.Cents % 100 == 0) return euros;
        return euros + "," + (amount.Cents % 100).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The same answer however it was typed: line endings and outer spaces do not count as a change.</summary>
    public static string Canonical(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
