using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Accounts;

/// <summary>Creates and redeems one-time sign-in links (15 minutes, single use).</summary>
public sealed class SignInLinks(PortalDbContext db, TimeProvider clock)
{
    /// <returns>The token to put in the link; only its hash is stored.</returns>
    public string Create(Guid userId)
    {
        // Lowercase hex, not base64: a token that only holds lowercase letters and digits survives any URL
        // normalisation (LowercaseUrls once turned a mixed-case token into one that never matched its hash).
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.SignInLinks.Add(new SignInLink
        {
            Id = Guid.NewGuid(), UserId = userId, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + SignInLink.Lifetime,
        });
        return token;
    }

    /// <summary>Marks the link used in one atomic statement, so two clicks at once cannot both sign in.</summary>
    /// <returns>The user id, or null when the link is unknown, used or expired.</returns>
    public async Task<Guid?> RedeemAsync(string token)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var userIds = await db.Database.SqlQuery<Guid>($"""
            UPDATE "SignInLinks" SET "UsedAt" = {now}
            WHERE "TokenHash" = {hash} AND "UsedAt" IS NULL AND "ExpiresAt" > {now}
            RETURNING "UserId" AS "Value"
            """).ToListAsync();
        return userIds.Count == 1 ? userIds[0] : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
