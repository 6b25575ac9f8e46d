using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;

namespace Portal.Applications;

/// <summary>
/// The per-object access check for applications and organisations: a user sees only what belongs to an organisation
/// they are a member of. Anything else is "not found" (404), never "forbidden", so ids reveal nothing.
/// Coaches with consent are added here when coaching arrives.
/// </summary>
public sealed class ApplicationAccess(PortalDbContext db, UserManager<PortalUser> users)
{
    public Guid? UserId(ClaimsPrincipal user) => Guid.TryParse(users.GetUserId(user), out var id) ? id : null;

    /// <summary>The organisations the user is a member of (usually one).</summary>
    public async Task<List<Organisation>> OrganisationsOfAsync(ClaimsPrincipal user)
    {
        if (UserId(user) is not { } userId) return [];
        return await db.Organisations.Include(o => o.Members)
            .Where(o => o.Members.Any(m => m.UserId == userId))
            .OrderBy(o => o.CreatedAt)
            .ToListAsync();
    }

    public async Task<Organisation?> OrganisationAsync(ClaimsPrincipal user, Guid organisationId)
    {
        if (UserId(user) is not { } userId) return null;
        return await db.Organisations.Include(o => o.Members)
            .SingleOrDefaultAsync(o => o.Id == organisationId && o.Members.Any(m => m.UserId == userId));
    }

    /// <summary>The application with its budget lines and timeline (attachment contents are not loaded).</summary>
    public async Task<Application?> ApplicationAsync(ClaimsPrincipal user, Guid applicationId)
    {
        if (UserId(user) is not { } userId) return null;
        var memberOf = db.Organisations.Where(o => o.Members.Any(m => m.UserId == userId)).Select(o => o.Id);
        return await db.Applications
            .Include(a => a.BudgetLines)
            .Include(a => a.Events)
            .Include(a => a.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == applicationId && memberOf.Contains(a.OrganisationId));
    }
}
