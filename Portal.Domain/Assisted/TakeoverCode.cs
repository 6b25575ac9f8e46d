using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Assisted;

/// <summary>
/// The code with which a person takes over the organisation a coach made for them: read aloud or typed from paper, so
/// short, in groups, without letters that look alike (0/O, 1/I/L). Ten characters of 31 are about 50 bits: far more
/// than anyone can guess within 14 days. Only its hash is stored.
/// </summary>
public static class TakeoverCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 10;

    /// <summary>A new code as it is printed: "ABCD-EFGH-JK".</summary>
    public static string New()
    {
        var chars = Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        var plain = new string(chars);
        return $"{plain[..4]}-{plain[4..8]}-{plain[8..]}";
    }

    /// <summary>The code as typed, with spaces, dashes or lower case, reduced to its characters; null when it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64) return null;
        var plain = new string(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return plain.Length == Length ? plain : null;
    }

    /// <summary>The stored form: the SHA-256 of the normalised code, so a database leak does not leak working codes.</summary>
    public static string? Hash(string? typed) =>
        Normalise(typed) is { } plain ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(plain))) : null;
}
