using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;

namespace Portal.Accounts;

/// <summary>
/// Whatever changes a user's credentials also ends their sessions and their unused sign-in links, in the same
/// transaction: a new security stamp (password set, reset or removed, email changed, authenticator reset, two-factor
/// switched), a lockout, or a role granted or taken away. Identity changes the stamp in many places; catching the
/// change where it is saved means no page can forget it.
/// </summary>
public sealed class SessionRevocation(IMemoryCache cache, TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db) await RevokeAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db) RevokeAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task RevokeAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reasons = new Dictionary<Guid, string>();
        foreach (var user in db.ChangeTracker.Entries<PortalUser>().Where(e => e.State == EntityState.Modified))
        {
            if (Changed(user, u => u.SecurityStamp)) reasons.TryAdd(user.Entity.Id, SessionEndReasons.CredentialsChanged);
            else if (Changed(user, u => u.LockoutEnd) && user.Entity.LockoutEnd > now) reasons.TryAdd(user.Entity.Id, SessionEndReasons.LockedOut);
        }
        var newUsers = db.ChangeTracker.Entries<PortalUser>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        foreach (var role in db.ChangeTracker.Entries<IdentityUserRole<Guid>>().Where(e => e.State is EntityState.Added or EntityState.Deleted))
            if (!newUsers.Contains(role.Entity.UserId)) reasons.TryAdd(role.Entity.UserId, SessionEndReasons.RolesChanged);
        if (reasons.Count == 0) return;

        var userIds = reasons.Keys.ToList();
        var sessions = await db.UserSessions.Where(s => userIds.Contains(s.UserId) && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in sessions.Where(s => db.Entry(s).State != EntityState.Added))
        {
            session.End(now, reasons[session.UserId]);
            cache.Remove(UserSessions.CacheKey(session.Id));
        }
        // A sign-in link sent before the change must not open the account after it.
        var links = await db.SignInLinks.Where(l => userIds.Contains(l.UserId) && l.UsedAt == null && l.ExpiresAt > now).ToListAsync(cancellationToken);
        foreach (var link in links) link.ExpiresAt = now;
        db.ChangeTracker.DetectChanges();
    }

    private static bool Changed<T>(EntityEntry<PortalUser> user, System.Linq.Expressions.Expression<Func<PortalUser, T>> property)
    {
        var entry = user.Property(property);
        return entry.IsModified && !Equals(entry.OriginalValue, entry.CurrentValue);
    }
}
