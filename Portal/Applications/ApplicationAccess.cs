using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

namespace Portal.Applications;

/// <summary>
/// The one access question: what may this user do with this application or organisation? The answer is the user's
/// grants on it — member of the organisation, a coach the members let in (CoachGrants), or municipal staff (by role,
/// with a second factor, once it has been sent in) — and the capabilities those grants allow (<see cref="Grants"/>).
/// Anything not allowed is "not found" (404), never "forbidden", so ids reveal nothing. Grants are looked up once per
/// request and object.
/// </summary>
public sealed class ApplicationAccess(PortalDbContext db, UserManager<PortalUser> users)
{
    private readonly Dictionary<Guid, LoadedApplication> applications = [];
    private readonly Dictionary<Guid, LoadedOrganisation> organisations = [];

    /// <summary>What the access check of one application found: the grants and, when there are any, what the page shows.</summary>
    private sealed record LoadedApplication(ObjectAccess? Access, Application? Application = null, Scheme? Scheme = null,
        Organisation? Applicant = null);

    private sealed record LoadedOrganisation(ObjectAccess? Access, Organisation? Organisation = null);

    private sealed record FoundApplication(Application Application, Scheme Scheme, Organisation Organisation, bool IsMember, GrantKind? Coach,
        bool ConflictDeclared);

    private sealed record FoundOrganisation(Organisation Organisation, bool IsMember, GrantKind? Coach, bool HasSentIn);

    // Both queries run on nearly every signed-in page: compiled once, so EF neither walks nor looks up their expression
    // trees on each request (that was a fifth of a task list's CPU; docs/performance.md).

    /// <summary>
    /// The application with its parts, scheme and applying organisation, and the user's grant facts. The scheme and the
    /// organisation are joined on their keys (First() in the projection numbered every row of both tables on each view)
    /// and tracked like the application: a no-tracking part would make the whole query untracked.
    /// </summary>
    private static readonly Func<PortalDbContext, Guid, Guid, Task<FoundApplication?>> ApplicationQuery =
        EF.CompileAsyncQuery((PortalDbContext db, Guid applicationId, Guid userId) => (
                from a in db.Applications
                    .Include(a => a.BudgetLines)
                    .Include(a => a.Events)
                    .Include(a => a.Attachments)
                    .Include(a => a.InformationRequests)
                    .Include(a => a.DelayConsents)
                    .Include(a => a.TermExtensions)
                    .Include(a => a.DefaultNotice)
                    .AsSingleQuery()
                where a.Id == applicationId
                join s in db.Schemes on a.SchemeId equals s.Id
                join o in db.Organisations on a.OrganisationId equals o.Id
                select new FoundApplication(a, s, o,
                    o.Members.Any(m => m.UserId == userId),
                    db.CoachGrants.Where(g => g.ApplicationId == a.Id && g.CoachId == userId && g.RevokedAt == null)
                        .Select(g => (GrantKind?)g.Kind).FirstOrDefault(),
                    db.Set<Domain.Review.InterestDeclaration>().Any(d => d.ApplicationId == a.Id && d.ReviewerId == userId && d.HasConflict)))
            .SingleOrDefault());

    /// <summary>The organisation with its members (tracked) and the user's grant facts on it.</summary>
    private static readonly Func<PortalDbContext, Guid, Guid, Task<FoundOrganisation?>> OrganisationQuery =
        EF.CompileAsyncQuery((PortalDbContext db, Guid organisationId, Guid userId) => db.Organisations
            .Include(o => o.Members)
            .Where(o => o.Id == organisationId)
            .Select(o => new FoundOrganisation(o,
                o.Members.Any(m => m.UserId == userId),
                db.CoachGrants.Where(g => g.CoachId == userId && g.RevokedAt == null
                        && db.Applications.Any(a => a.Id == g.ApplicationId && a.OrganisationId == o.Id))
                    .Select(g => (GrantKind?)g.Kind).FirstOrDefault(),
                db.Applications.Any(a => a.OrganisationId == o.Id && a.SubmittedAt != null)))
            .SingleOrDefault());

    /// <summary>The grants a user has on one application or organisation, and what they allow.</summary>
    public sealed record ObjectAccess(IReadOnlyList<GrantKind> Kinds, IReadOnlySet<Capability> Capabilities)
    {
        public bool Allows(Capability capability) => Capabilities.Contains(capability);
    }

    public Guid? UserId(ClaimsPrincipal user) => Guid.TryParse(users.GetUserId(user), out var id) ? id : null;

    /// <summary>The user's grants on the application, or null when they have none (or it does not exist).</summary>
    public async Task<ObjectAccess?> OnApplicationAsync(ClaimsPrincipal user, Guid applicationId)
    {
        return (applications.TryGetValue(applicationId, out var known) ? known : await LoadApplicationAsync(user, applicationId)).Access;
    }

    /// <summary>
    /// One round trip for the access check and the application the page shows: the grant facts, the whole aggregate
    /// (budget lines, attachments, timeline, requests, consents, extensions, tracked), its scheme and the organisation
    /// that applies, in one query remembered for the request. The scheme comes along instead of from a cache: always
    /// current, on every node. One query, not split, where each split part would cost a round trip: the rows are the
    /// product of the collections, a few for a usual application (a draft has one timeline entry and no requests), but
    /// 50 budget lines × 10 attachments × 6 timeline entries would be 3,000 — split off the budget lines if that happens.
    /// </summary>
    private async Task<LoadedApplication> LoadApplicationAsync(ClaimsPrincipal user, Guid applicationId)
    {
        var loaded = new LoadedApplication(null);
        if (UserId(user) is { } userId)
        {
            var found = await ApplicationQuery(db, applicationId, userId);
            if (found is not null)
            {
                var kinds = StaffKinds(user).ToList();
                // A reviewer who declared a conflict of interest (Awb 2:4) is barred from the application on every page.
                if (found.ConflictDeclared) kinds.Remove(GrantKind.Reviewer);
                if (found.IsMember) kinds.Add(GrantKind.Member);
                if (found.Coach is { } coach && IsCoach(user)) kinds.Add(coach);
                if (Of(kinds, Grants.Allows(kinds, found.Application.SubmittedAt is not null)) is { } access)
                    loaded = new LoadedApplication(access, found.Application, found.Scheme, found.Organisation);
            }
        }
        return applications[applicationId] = loaded;
    }

    /// <summary>
    /// The user's grants on the organisation: a member; a coach with a grant on one of its applications (to see it);
    /// staff once it has sent in an application.
    /// </summary>
    public async Task<ObjectAccess?> OnOrganisationAsync(ClaimsPrincipal user, Guid organisationId)
    {
        return (organisations.TryGetValue(organisationId, out var known) ? known : await LoadOrganisationAsync(user, organisationId)).Access;
    }

    /// <summary>The access check and the organisation with its members (tracked) in one round trip, remembered for the request.</summary>
    private async Task<LoadedOrganisation> LoadOrganisationAsync(ClaimsPrincipal user, Guid organisationId)
    {
        var loaded = new LoadedOrganisation(null);
        if (UserId(user) is { } userId)
        {
            var found = await OrganisationQuery(db, organisationId, userId);
            if (found is not null)
            {
                var kinds = found.HasSentIn ? StaffKinds(user).ToList() : [];
                if (found.IsMember) kinds.Add(GrantKind.Member);
                if (found.Coach is { } coach && IsCoach(user)) kinds.Add(coach);
                if (Of(kinds, Grants.OnOrganisation(kinds)) is { } access) loaded = new LoadedOrganisation(access, found.Organisation);
            }
        }
        return organisations[organisationId] = loaded;
    }

    /// <summary>
    /// Who the user is when they change this application: themselves, in the role their grants give (a member acts as the
    /// applicant, a coach allowed to edit as coach). The state machine checks that role and the audit trail records it.
    /// Only asked by a handler the access filter let through, so a user without a role here is a programming error.
    /// </summary>
    public async Task<Actor> ActorOnApplicationAsync(ClaimsPrincipal user, Guid applicationId) =>
        ActorOf(user, await OnApplicationAsync(user, applicationId), applicationId);

    /// <summary>Who the user is when they change this organisation (see <see cref="ActorOnApplicationAsync"/>).</summary>
    public async Task<Actor> ActorOnOrganisationAsync(ClaimsPrincipal user, Guid organisationId) =>
        ActorOf(user, await OnOrganisationAsync(user, organisationId), organisationId);

    private Actor ActorOf(ClaimsPrincipal user, ObjectAccess? access, Guid objectId) =>
        UserId(user) is { } userId && access is not null && Grants.ActsAs(access.Kinds) is { } role
            ? new Actor(userId, role)
            : throw new InvalidOperationException($"The user has no role in which to change {objectId}.");

    /// <summary>
    /// The application with its budget lines, attachments, timeline and the facts of its decision term (requests, consents,
    /// extensions), when the user's grants allow <paramref name="capability"/>.
    /// </summary>
    public async Task<Application?> ApplicationAsync(ClaimsPrincipal user, Guid applicationId, Capability capability = Capability.ViewApplication)
    {
        if (await OnApplicationAsync(user, applicationId) is not { } access || !access.Allows(capability)) return null;
        // Loaded with the access check; loaded again when the page let go of it (a retry after a concurrent save, or a
        // read after taking a row lock, clears the tracker).
        return applications[applicationId].Application is { } application && IsTracked(application)
            ? application
            : (await LoadApplicationAsync(user, applicationId)).Application;
    }

    /// <summary>The scheme of an application this request loaded (it came in the same query). Read it, do not change it.</summary>
    public async Task<Scheme> SchemeOfAsync(Application application) =>
        applications.TryGetValue(application.Id, out var loaded) && loaded.Scheme is { } scheme && scheme.Id == application.SchemeId
            ? scheme
            : await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId);

    /// <summary>
    /// The organisation that applies, as the application's pages show it (name, payment, contact): it came in the same
    /// query as the application, without its members. Read it, do not change it.
    /// </summary>
    public async Task<Organisation> ApplicantOfAsync(Application application) =>
        applications.TryGetValue(application.Id, out var loaded) && loaded.Applicant is { } organisation
            && organisation.Id == application.OrganisationId
            ? organisation
            : await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId);

    public async Task<Organisation?> OrganisationAsync(ClaimsPrincipal user, Guid organisationId, Capability capability = Capability.ViewOrganisation)
    {
        if (await OnOrganisationAsync(user, organisationId) is not { } access || !access.Allows(capability)) return null;
        return organisations[organisationId].Organisation is { } organisation && IsTracked(organisation)
            ? organisation
            : (await LoadOrganisationAsync(user, organisationId)).Organisation;
    }

    private bool IsTracked(object entity) => db.Entry(entity).State != EntityState.Detached;

    /// <summary>The organisations the user is a member of (usually one).</summary>
    public async Task<List<Organisation>> OrganisationsOfAsync(ClaimsPrincipal user)
    {
        if (UserId(user) is not { } userId) return [];
        return await db.Organisations.Include(o => o.Members)
            .Where(o => o.Members.Any(m => m.UserId == userId))
            .OrderBy(o => o.CreatedAt)
            .ToListAsync();
    }

    /// <summary>A coach's grant counts only in the Coach role and after a second factor, as for all staff (Roles.Staff).</summary>
    private static bool IsCoach(ClaimsPrincipal user) => user.IsInRole(Roles.Coach) && user.HasSecondFactor();

    /// <summary>Staff grants come with the role, and only after a second factor (as every staff page requires).</summary>
    private static IEnumerable<GrantKind> StaffKinds(ClaimsPrincipal user)
    {
        if (!user.HasSecondFactor()) yield break;
        if (user.IsInRole(Roles.Reviewer)) yield return GrantKind.Reviewer;
        if (user.IsInRole(Roles.Approver)) yield return GrantKind.Approver;
        if (user.IsInRole(Roles.Admin)) yield return GrantKind.Admin;
    }

    private static ObjectAccess? Of(List<GrantKind> kinds, IReadOnlySet<Capability> capabilities) =>
        kinds.Count == 0 ? null : new ObjectAccess(kinds, capabilities);
}
