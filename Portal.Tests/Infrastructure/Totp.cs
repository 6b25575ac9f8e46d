using System.Globalization;
using System.Security.Cryptography;

namespace Portal.Tests.Infrastructure;

/// <summary>What an authenticator app shows for a key: the second factor of a staff sign-in.</summary>
public static class Totp
{
    /// <summary>RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) for a base32 key, as an authenticator app computes it.</summary>
    public static string Code(string base32)
    {
        var bits = string.Concat(base32.Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("000000", CultureInfo.InvariantCulture);
    }
}
