using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Accounts;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, two steps of clock drift either way, as
/// Identity's own provider) that work once. Identity's provider accepts the same code again for as long as it is
/// valid, so a code seen over someone's shoulder or in a proxy log signs in a second time. RFC 6238 §5.2: the step of
/// the last accepted code is kept, and a code of that step or an earlier one is refused — also when two requests with
/// the same code race, because the step is claimed in one conditional statement.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(PortalDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "OneTimeAuthenticator";
    private const string StoreProvider = "[Portal]";
    private const string LastStepName = "LastAuthenticatorStep";
    private const int StepSeconds = 30;
    private const int Drift = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the code; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        if (token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || Base32(key) is not { } secret) return false;
        var now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
                return await ClaimAsync(user.Id, step);
        }
        return false;
    }

    /// <summary>True when <paramref name="step"/> is later than every step used before by this user (and is now the last).</summary>
    private async Task<bool> ClaimAsync(Guid userId, long step)
    {
        var value = step.ToString(CultureInfo.InvariantCulture);
        var claimed = await db.Database.SqlQuery<int>($"""
            INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value")
            VALUES ({userId}, {StoreProvider}, {LastStepName}, {value})
            ON CONFLICT ("UserId", "LoginProvider", "Name") DO UPDATE SET "Value" = EXCLUDED."Value"
            WHERE "AspNetUserTokens"."Value"::bigint < EXCLUDED."Value"::bigint
            RETURNING 1 AS "Value"
            """).ToListAsync();
        return claimed.Count == 1;
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        var number = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return number.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity stores authenticator keys; null when the key is not base32.</summary>
    private static byte[]? Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return [.. bytes];
    }
}
