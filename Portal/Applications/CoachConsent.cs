using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Common;

namespace Portal.Applications;

/// <summary>
/// The members' consent for coaches on one application (PRODUCT journey B.3): let a coach in to look and comment or also
/// to fill in, change that, take it away. A use case of its own because more than one page gives consent (the members'
/// "who helps" page now; a one-click grant to the organisation's fixed coach later). The access check reads the grants
/// on every request, so a revoke counts from the coach's next request on. Audit rows come from the grant's events.
/// </summary>
public sealed class CoachConsent(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    /// <summary>A coach who has access now, as the members' page lists them.</summary>
    /// <summary>A coach with access: by the name of their coach profile, or their address when they have none.</summary>
    public sealed record ActiveCoach(Guid GrantId, Guid CoachId, string Name, GrantKind Kind, DateTimeOffset Since);

    /// <summary>
    /// The coach with this email address, or null when there is no such account or it is not a coach's. Both give the
    /// same null, so the members' page cannot be used to find out whether someone has an account here.
    /// </summary>
    public async Task<Guid?> CoachByEmailAsync(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var user = await users.FindByEmailAsync(email.Trim());
        return user is not null && await users.IsInRoleAsync(user, Roles.Coach) ? user.Id : null;
    }

    /// <summary>
    /// Lets <paramref name="coachUserId"/> in with <paramref name="kind"/>. A coach who has access already keeps one grant:
    /// the same kind changes nothing, another kind ends the old grant and starts the new one (both in the history).
    /// </summary>
    /// <exception cref="DomainException">"Consent.Grant.NotACoach" when the account is not a coach's.</exception>
    public async Task<CoachGrant> GrantAsync(Guid applicationId, Guid coachUserId, GrantKind kind, Actor actor)
    {
        if (await users.FindByIdAsync(coachUserId.ToString()) is not { } coach || !await users.IsInRoleAsync(coach, Roles.Coach))
            throw new DomainException("Consent.Grant.NotACoach");
        var now = clock.GetUtcNow();
        var current = await db.CoachGrants
            .Where(g => g.ApplicationId == applicationId && g.CoachId == coachUserId && g.RevokedAt == null)
            .ToListAsync();
        if (current is [var same] && same.Kind == kind) return same;
        foreach (var old in current) old.Revoke(actor, now);
        var grant = new CoachGrant(applicationId, coachUserId, kind, actor, now);
        db.CoachGrants.Add(grant);
        await db.SaveChangesAsync();
        return grant;
    }

    /// <summary>Ends a grant at once. Unknown, another application's or already ended: nothing happens.</summary>
    /// <returns>Whether a grant of this application was active and is ended now.</returns>
    public async Task<bool> RevokeAsync(Guid applicationId, Guid grantId, Actor actor)
    {
        var grant = await db.CoachGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.ApplicationId == applicationId);
        if (grant is null || !grant.IsActive) return false;
        grant.Revoke(actor, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<IReadOnlyList<ActiveCoach>> ActiveAsync(Guid applicationId) =>
        await (from g in db.CoachGrants
               where g.ApplicationId == applicationId && g.RevokedAt == null
               join u in db.Users on g.CoachId equals u.Id
               orderby g.GrantedAt
               select new ActiveCoach(g.Id, g.CoachId,
                   db.CoachProfiles.Where(p => p.UserId == g.CoachId).Select(p => p.Name).FirstOrDefault() ?? u.Email ?? "", g.Kind, g.GrantedAt))
            .AsNoTracking().ToListAsync();

    /// <summary>The group's fixed coach (issue 10, point 6), to let in with one click: their name and account address.</summary>
    public async Task<(string Name, string Email)?> FixedCoachAsync(Guid? coachId)
    {
        if (coachId is not { } id) return null;
        var found = await (from p in db.CoachProfiles
                           where p.UserId == id
                           join u in db.Users on p.UserId equals u.Id
                           select new { p.Name, u.Email }).AsNoTracking().SingleOrDefaultAsync();
        return found is { Email: { } email } ? (found.Name, email) : null;
    }

    /// <summary>An application a coach was let in on, as the coach's own list shows it.</summary>
    public sealed record CoachedApplication(Guid ApplicationId, string? Title, string SchemeSlug, string Group, GrantKind Kind, DateTimeOffset Since);

    /// <summary>The applications this coach has access to now, newest consent first.</summary>
    public async Task<IReadOnlyList<CoachedApplication>> OfCoachAsync(Guid coachId) =>
        await (from g in db.CoachGrants
               where g.CoachId == coachId && g.RevokedAt == null
               join a in db.Applications on g.ApplicationId equals a.Id
               join s in db.Schemes on a.SchemeId equals s.Id
               join o in db.Organisations on a.OrganisationId equals o.Id
               orderby g.GrantedAt descending
               select new CoachedApplication(a.Id, a.Title, s.Slug, o.Name, g.Kind, g.GrantedAt))
            .AsNoTracking().ToListAsync();

    /// <summary>
    /// A coach looked at the application: written to the audit trail unless they were recorded less than an hour ago
    /// (<see cref="CoachGrant.ViewRecordedOncePer"/>), so a visit of ten pages is one line in the members' history.
    /// </summary>
    public async Task RecordViewAsync(Guid applicationId, Guid coachId)
    {
        var grant = await db.CoachGrants.FirstOrDefaultAsync(g => g.ApplicationId == applicationId && g.CoachId == coachId && g.RevokedAt == null);
        if (grant?.RecordView(clock.GetUtcNow()) == true) await db.SaveChangesAsync();
    }
}
