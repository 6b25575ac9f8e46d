// Shared by Portal.Tests, Portal.E2E and bench/BenchSeed (linked into each): one independent TOTP implementation.
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portal.TestSupport;

/// <summary>RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes them.</summary>
public static class Totp
{
    private const int StepSeconds = 30;

    public static string Code(string base32Key, DateTimeOffset? at = null) => Code(base32Key, Step(at ?? DateTimeOffset.UtcNow));

    public static string Code(string base32Key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
        // RFC 4226 dynamic truncation
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that no authenticator would show now (the server accepts a few steps either side).</summary>
    public static string WrongCode(string base32Key)
    {
        var now = Step(DateTimeOffset.UtcNow);
        var accepted = Enumerable.Range(-3, 7).Select(i => Code(base32Key, now + i)).ToHashSet();
        return new[] { "123456", "654321", "111111", "909090", "246810", "135791", "000000", "999999" }.First(c => !accepted.Contains(c));
    }

    /// <summary>A random 160-bit base32 key, the size Identity generates: one per test account, so codes never clash.</summary>
    public static string NewKey() =>
        string.Concat(RandomNumberGenerator.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32));

    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    private static readonly Dictionary<string, long> LastUsed = [];

    /// <summary>
    /// A code this process has not used before for this key. The portal accepts each code once and never one older
    /// than the last (RFC 6238 §5.2), so a test that signs in twice within 30 seconds takes the next step's code
    /// (the portal accepts two steps of clock drift), or waits for a new step when those are used up.
    /// </summary>
    public static string FreshCode(string base32Key)
    {
        while (true)
        {
            var now = Step(DateTimeOffset.UtcNow);
            lock (LastUsed)
            {
                var next = Math.Max(now, LastUsed.GetValueOrDefault(base32Key, long.MinValue) + 1);
                if (next <= now + 1)
                {
                    LastUsed[base32Key] = next;
                    return Code(base32Key, next);
                }
            }
            Thread.Sleep(1000);
        }
    }

    /// <summary>RFC 4648 base32; spaces (as the setup page groups the key) and padding are ignored.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
