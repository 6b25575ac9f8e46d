using System.Text.RegularExpressions;

namespace Portal.Domain.Money;

/// <summary>
/// Reads an amount the way people type it: "1.250,50", "1250.50", "€ 1.250", "1250". Refuses what could mean two
/// different amounts ("1,250": 1.25 or 1250?), negative amounts and more than two decimals — with a message key
/// that says why, so the user can fix it.
/// </summary>
public static partial class MoneyParser
{

    public static bool TryParse(string? input, out Money amount, out string? errorKey)
    {
        amount = Money.Zero;
        errorKey = null;
        // An amount copied from a page brings its directional isolates along (Money.Format): they are not part of it.
        var text = Common.Bidi.WithoutControls(input ?? "").Trim().Replace("€", "", StringComparison.Ordinal).Replace("EUR", "", StringComparison.OrdinalIgnoreCase)
            .Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal);
        if (text.EndsWith(",-", StringComparison.Ordinal) || text.EndsWith(".-", StringComparison.Ordinal)) text = text[..^2];
        if (text.Length == 0) return Fail("Money.Empty", out errorKey);
        if (text.StartsWith('-')) return Fail("Money.Negative", out errorKey);
        if (!Allowed().IsMatch(text)) return Fail("Money.NotANumber", out errorKey);

        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        string whole, fraction;
        if (lastDot >= 0 && lastComma >= 0)
        {
            // Both appear: the last one separates the cents, the other groups thousands.
            var decimalSeparator = lastDot > lastComma ? '.' : ',';
            var groupSeparator = decimalSeparator == '.' ? ',' : '.';
            var at = text.LastIndexOf(decimalSeparator);
            whole = text[..at];
            fraction = text[(at + 1)..];
            if (whole.Contains(decimalSeparator) || !ValidGroups(whole, groupSeparator)) return Fail("Money.NotANumber", out errorKey);
            whole = whole.Replace(groupSeparator.ToString(), "", StringComparison.Ordinal);
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var parts = text.Split(separator);
            if (parts.Length > 2 || parts[^1].Length == 3)
            {
                // "1.250" and "1.250.000" are Dutch thousands; "1,250" could be either, so we ask.
                if (separator == ',') return Fail("Money.Ambiguous", out errorKey);
                if (!ValidGroups(text, '.')) return Fail("Money.NotANumber", out errorKey);
                whole = text.Replace(".", "", StringComparison.Ordinal);
                fraction = "";
            }
            else
            {
                whole = parts[0];
                fraction = parts[1];
            }
        }
        else
        {
            whole = text;
            fraction = "";
        }

        if (fraction.Length > 2) return Fail("Money.TooManyDecimals", out errorKey);
        if (whole.Length == 0) whole = "0";
        if (whole.Length > 12) return Fail("Money.TooLarge", out errorKey);
        var cents = long.Parse(whole, System.Globalization.CultureInfo.InvariantCulture) * 100
                    + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), System.Globalization.CultureInfo.InvariantCulture));
        if (cents > Money.MaximumCents) return Fail(Money.TooLargeKey, out errorKey);
        amount = new Money(cents);
        return true;
    }

    private static bool ValidGroups(string whole, char separator)
    {
        var groups = whole.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    private static bool Fail(string key, out string? errorKey)
    {
        errorKey = key;
        return false;
    }

    [GeneratedRegex(@"^[0-9.,]+$")]
    private static partial Regex Allowed();
}
