using System.Text;
using Portal.Domain.Common;

namespace Portal.Domain.Coaching;

/// <summary>
/// A phone number as a coach can dial it anywhere, and as wa.me wants it: E.164 ("+31612345678"). People type numbers
/// the way they know them — "06 12 34 56 78", "06-12345678", "(024) 360 12 34", "+31 6 1234 5678", "0031 6…", a Turkish
/// or Syrian number with "+90"/"00963" — with spaces, dashes, dots, brackets, and Arabic-Indic or Persian digits.
/// A number that starts with one 0 is Dutch; with + or 00 it carries its country code.
/// </summary>
public static class PhoneNumber
{
    /// <summary>E.164 allows at most 15 digits after the +; below 8 no country's numbers go.</summary>
    private const int MostDigits = 15, FewestDigits = 8;

    /// <summary>The longest number as stored: "+" and 15 digits.</summary>
    public const int Length = 1 + MostDigits;

    /// <summary>A Dutch number is 0 and nine digits ("06 12345678", "024 3601234").</summary>
    private const int DutchNationalDigits = 9;

    /// <summary>The number in E.164, or a refusal key (Coaching.Phone.*) saying what to mend.</summary>
    public static string Normalise(string typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0) throw new DomainException("Coaching.Phone.Required");
        var digits = new StringBuilder();
        var plus = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is >= '\u0660' and <= '\u0669') digits.Append((char)('0' + (c - '\u0660'))); // Arabic-Indic
            else if (c is >= '\u06F0' and <= '\u06F9') digits.Append((char)('0' + (c - '\u06F0'))); // Persian
            else if (c == '+' && digits.Length == 0 && !plus) plus = true;
            else if (c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0') continue;
            else throw new DomainException("Coaching.Phone.Characters");
        }
        var number = digits.ToString();
        string international;
        if (plus) international = number;
        else if (number.StartsWith("00", StringComparison.Ordinal)) international = number[2..];
        else if (number.StartsWith('0'))
        {
            if (number.Length != DutchNationalDigits + 1) throw new DomainException("Coaching.Phone.DutchLength");
            international = "31" + number[1..];
        }
        else throw new DomainException("Coaching.Phone.CountryCode");

        // "+31 (0)6 …": the trunk 0 written after the Dutch country code is not dialled.
        if (international.StartsWith("310", StringComparison.Ordinal)) international = "31" + international[3..];
        if (international.StartsWith('0')) throw new DomainException("Coaching.Phone.CountryCode");
        if (international.StartsWith("31", StringComparison.Ordinal) && international.Length != 2 + DutchNationalDigits)
            throw new DomainException("Coaching.Phone.DutchLength");
        if (international.Length is < FewestDigits or > MostDigits) throw new DomainException("Coaching.Phone.Length");
        return "+" + international;
    }

    /// <summary>Whether the typed text is a phone number (for forms that only need to know).</summary>
    public static bool TryNormalise(string typed, out string e164)
    {
        try
        {
            e164 = Normalise(typed);
            return true;
        }
        catch (DomainException)
        {
            e164 = "";
            return false;
        }
    }
}
