using System.Numerics;

namespace Portal.Domain.Organisations;

/// <summary>An IBAN checked with the ISO 13616 mod-97 rule. Stored without spaces, shown in groups of four.</summary>
public sealed record Iban
{
    private static readonly Dictionary<string, int> Lengths = new()
    {
        ["NL"] = 18, ["BE"] = 16, ["DE"] = 22, ["FR"] = 27, ["GB"] = 22, ["ES"] = 24, ["IT"] = 27, ["LU"] = 20,
        ["AT"] = 20, ["PL"] = 28, ["PT"] = 25, ["TR"] = 26, ["UA"] = 29,
    };

    private Iban(string value) => Value = value;

    public string Value { get; }

    public string Formatted => string.Join(' ', Value.Chunk(4).Select(c => new string(c)));

    /// <returns>The IBAN, or null with the resource key of the reason.</returns>
    public static Iban? TryParse(string? input, out string? errorKey)
    {
        var value = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.').ToArray()).ToUpperInvariant();
        errorKey = null;
        if (value.Length == 0) { errorKey = "Iban.Empty"; return null; }
        if (value.Length < 15 || value.Length > 34 || !value.All(char.IsAsciiLetterOrDigit)
            || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            errorKey = "Iban.Format";
            return null;
        }
        if (Lengths.TryGetValue(value[..2], out var length) && value.Length != length) { errorKey = "Iban.Length"; return null; }
        if (Mod97(value) != 1) { errorKey = "Iban.Checksum"; return null; }
        return new Iban(value);
    }

    private static int Mod97(string iban)
    {
        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (int)(BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97);
    }

    public override string ToString() => Formatted;
}
