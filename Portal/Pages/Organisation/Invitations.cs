using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Organisations;

namespace Portal.Pages.Organisations;

/// <summary>Creates and redeems invitations to join an organisation (14 days, single use; only the token's hash is stored).</summary>
public sealed class Invitations(PortalDbContext db, TimeProvider clock)
{
    public enum State { Open, Used, Expired, Unknown }

    /// <returns>The token to put in the link.</returns>
    public string Create(Guid organisationId, string email, Guid invitedBy)
    {
        // Lowercase hex: safe in a URL whatever the routing does to case.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.OrganisationInvitations.Add(new OrganisationInvitation
        {
            Id = Guid.NewGuid(), OrganisationId = organisationId, InvitedBy = invitedBy, Email = email, TokenHash = Hash(token),
            CreatedAt = now, ExpiresAt = now + OrganisationInvitation.Lifetime,
        });
        return token;
    }

    /// <returns>
    /// The message key and number of the first daily limit this invitation would pass (<see cref="InvitationLimits"/>),
    /// or null when it may be sent.
    /// </returns>
    public async Task<(string Key, int Limit)?> LimitReachedAsync(Guid organisationId, Guid inviter, string email)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var lastDay = db.OrganisationInvitations.Where(i => i.CreatedAt > since);
        var address = InvitationLimits.Address(email);
        return InvitationLimits.Reached(new InvitationLimits.SentLastDay(
            await lastDay.CountAsync(i => i.InvitedBy == inviter),
            await lastDay.CountAsync(i => i.OrganisationId == organisationId),
            await lastDay.CountAsync(i => i.Email.ToLower() == address)));
    }

    public async Task<(State State, OrganisationInvitation? Invitation)> FindAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128) return (State.Unknown, null);
        var hash = Hash(token);
        var invitation = await db.OrganisationInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null) return (State.Unknown, null);
        if (invitation.AcceptedAt is not null) return (State.Used, invitation);
        if (invitation.ExpiresAt <= clock.GetUtcNow()) return (State.Expired, invitation);
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
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE "OrganisationInvitations" SET "AcceptedAt" = {now}, "AcceptedBy" = {userId}
            WHERE "TokenHash" = {hash} AND "AcceptedAt" IS NULL AND "ExpiresAt" > {now}
            RETURNING "OrganisationId" AS "Value"
            """).ToListAsync();
        if (claimed.Count != 1) return null;
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == claimed[0]);
        organisation.AddMember(userId, Actors.Applicant(userId), now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return organisation.Id;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
