using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisations;

namespace Portal.Pages.Organisations;

/// <summary>Creates and redeems invitations to join an organisation (14 days, single use; only the token's hash is stored).</summary>
public sealed class Invitations(PortalDbContext db, IClock clock)
{
    /// <summary>Enough for a real group, too few to use the portal for sending mail to strangers.</summary>
    public const int MaxPerDay = 10;

    public enum State { Open, Used, Expired, Unknown }

    /// <returns>The token to put in the link.</returns>
    public string Create(Guid organisationId, string email)
    {
        // Lowercase hex: safe in a URL whatever the routing does to case.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.UtcNow;
        db.OrganisationInvitations.Add(new OrganisationInvitation
        {
            Id = Guid.NewGuid(), OrganisationId = organisationId, Email = email, TokenHash = Hash(token),
            CreatedAt = now, ExpiresAt = now + OrganisationInvitation.Lifetime,
        });
        return token;
    }

    public Task<int> SentTodayAsync(Guid organisationId)
    {
        var since = clock.UtcNow.AddDays(-1);
        return db.OrganisationInvitations.CountAsync(i => i.OrganisationId == organisationId && i.CreatedAt > since);
    }

    public async Task<(State State, OrganisationInvitation? Invitation)> FindAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128) return (State.Unknown, null);
        var hash = Hash(token);
        var invitation = await db.OrganisationInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null) return (State.Unknown, null);
        if (invitation.AcceptedAt is not null) return (State.Used, invitation);
        if (invitation.ExpiresAt <= clock.UtcNow) return (State.Expired, invitation);
        return (State.Open, invitation);
    }

    /// <summary>
    /// Marks the invitation accepted and adds the member, in one transaction. The claim is one atomic statement, so
    /// two clicks (or two people) at once cannot both use it.
    /// </summary>
    /// <returns>The organisation joined, or null when the invitation is unknown, used or expired.</returns>
    public async Task<Guid?> AcceptAsync(string token, Guid userId)
    {
        var hash = Hash(token);
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE "OrganisationInvitations" SET "AcceptedAt" = {now}, "AcceptedBy" = {userId}
            WHERE "TokenHash" = {hash} AND "AcceptedAt" IS NULL AND "ExpiresAt" > {now}
            RETURNING "OrganisationId" AS "Value"
            """).ToListAsync();
        if (claimed.Count != 1) return null;
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == claimed[0]);
        organisation.AddMember(userId, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return organisation.Id;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
