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
    private readonly Dictionary<Guid, ObjectAccess?> applications = [];
    private readonly Dictionary<Guid, ObjectAccess?> organisations = [];
    private readonly Dictionary<Guid, Application?> loaded = [];
    private readonly Dictionary<Guid, Scheme> schemes = [];
    private readonly Dictionary<Guid, Organisation> applicants = [];
    private readonly Dictionary<Guid, Organisation?> loadedOrganisations = [];

    /// <summary>The grants a user has on one application or organisation, and what they allow.</summary>
    public sealed record ObjectAccess(IReadOnlyList<GrantKind> Kinds, IReadOnlySet<Capability> Capabilities)
    {
        public bool Allows(Capability capability) => Capabilities.Contains(capability);
    }

    public Guid? UserId(ClaimsPrincipal user) => Guid.TryParse(users.GetUserId(user), out var id) ? id : null;

    /// <summary>The user's grants on the application, or null when they have none (or it does not exist).</summary>
    public async Task<ObjectAccess?> OnApplicationAsync(ClaimsPrincipal user, Guid applicationId)
    {
        if (applications.TryGetValue(applicationId, out var known)) return known;
        await LoadApplicationAsync(user, applicationId);
        return applications[applicationId];
    }

    /// <summary>
    /// One round trip for the access check and the application the page shows: the grant facts, the whole aggregate
    /// (budget lines, attachments, timeline, requests, consents, extensions, tracked), its scheme and the organisation
    /// that applies, in one query remembered for the request. The scheme comes along instead of from a cache: always
    /// current, on every node. One query, not split, where each split part would cost a round trip: the rows are the
    /// product of the collections, a few for a usual application (a draft has one timeline entry and no requests), but
    /// 50 budget lines × 10 attachments × 6 timeline entries would be 3,000 — split off the budget lines if that happens.
    /// </summary>
    private async Task<Application?> LoadApplicationAsync(ClaimsPrincipal user, Guid applicationId)
    {
        ObjectAccess? access = null;
        Application? application = null;
        if (UserId(user) is { } userId)
        {
            var found = await db.Applications
                .Include(a => a.BudgetLines)
                .Include(a => a.Events)
                .Include(a => a.Attachments)
                .Include(a => a.InformationRequests)
                .Include(a => a.DelayConsents)
                .Include(a => a.TermExtensions)
                .AsSingleQuery()
                .Where(a => a.Id == applicationId)
                .Select(a => new
                {
                    Application = a,
                    // Tracked like the application: a no-tracking part would make the whole query untracked.
                    Scheme = db.Schemes.First(s => s.Id == a.SchemeId),
                    Organisation = db.Organisations.First(o => o.Id == a.OrganisationId),
                    IsMember = db.Organisations.Any(o => o.Id == a.OrganisationId && o.Members.Any(m => m.UserId == userId)),
                    Coach = db.CoachGrants.Where(g => g.ApplicationId == a.Id && g.CoachId == userId && g.RevokedAt == null)
                        .Select(g => (GrantKind?)g.Kind).FirstOrDefault(),
                })
                .SingleOrDefaultAsync();
            if (found is not null)
            {
                var kinds = StaffKinds(user).ToList();
                if (found.IsMember) kinds.Add(GrantKind.Member);
                if (found.Coach is { } coach && user.IsInRole(Roles.Coach)) kinds.Add(coach);
                access = Of(kinds, Grants.Allows(kinds, found.Application.SubmittedAt is not null));
                if (access is not null)
                {
                    application = found.Application;
                    schemes[applicationId] = found.Scheme;
                    applicants[applicationId] = found.Organisation;
                }
            }
        }
        applications[applicationId] = access;
        loaded[applicationId] = application;
        return application;
    }

    /// <summary>
    /// The user's grants on the organisation: a member; a coach with a grant on one of its applications (to see it);
    /// staff once it has sent in an application.
    /// </summary>
    public async Task<ObjectAccess?> OnOrganisationAsync(ClaimsPrincipal user, Guid organisationId)
    {
        if (organisations.TryGetValue(organisationId, out var known)) return known;
        await LoadOrganisationAsync(user, organisationId);
        return organisations[organisationId];
    }

    /// <summary>The access check and the organisation with its members (tracked) in one round trip, remembered for the request.</summary>
    private async Task<Organisation?> LoadOrganisationAsync(ClaimsPrincipal user, Guid organisationId)
    {
        ObjectAccess? access = null;
        Organisation? organisation = null;
        if (UserId(user) is { } userId)
        {
            var found = await db.Organisations.Include(o => o.Members).Where(o => o.Id == organisationId)
                .Select(o => new
                {
                    Organisation = o,
                    IsMember = o.Members.Any(m => m.UserId == userId),
                    Coach = db.CoachGrants.Where(g => g.CoachId == userId && g.RevokedAt == null
                            && db.Applications.Any(a => a.Id == g.ApplicationId && a.OrganisationId == o.Id))
                        .Select(g => (GrantKind?)g.Kind).FirstOrDefault(),
                    HasSentIn = db.Applications.Any(a => a.OrganisationId == o.Id && a.SubmittedAt != null),
                })
                .SingleOrDefaultAsync();
            if (found is not null)
            {
                var kinds = found.HasSentIn ? StaffKinds(user).ToList() : [];
                if (found.IsMember) kinds.Add(GrantKind.Member);
                if (found.Coach is { } coach && user.IsInRole(Roles.Coach)) kinds.Add(coach);
                access = Of(kinds, Grants.OnOrganisation(kinds));
                if (access is not null) organisation = found.Organisation;
            }
        }
        organisations[organisationId] = access;
        loadedOrganisations[organisationId] = organisation;
        return organisation;
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
        // Loaded with the access check; loaded again when the page let go of it (a retry after a concurrent save clears the tracker).
        if (loaded.TryGetValue(applicationId, out var application) && application is not null && db.Entry(application).State != EntityState.Detached)
            return application;
        return await LoadApplicationAsync(user, applicationId);
    }

    /// <summary>The scheme of an application this request loaded (it came in the same query). Read it, do not change it.</summary>
    public async Task<Scheme> SchemeOfAsync(Application application) =>
        schemes.TryGetValue(application.Id, out var scheme) && scheme.Id == application.SchemeId
            ? scheme
            : await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId);

    /// <summary>
    /// The organisation that applies, as the application's pages show it (name, payment, contact): it came in the same
    /// query as the application, without its members. Read it, do not change it.
    /// </summary>
    public async Task<Organisation> ApplicantOfAsync(Application application) =>
        applicants.TryGetValue(application.Id, out var organisation) && organisation.Id == application.OrganisationId
            ? organisation
            : await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId);

    public async Task<Organisation?> OrganisationAsync(ClaimsPrincipal user, Guid organisationId, Capability capability = Capability.ViewOrganisation)
    {
        if (await OnOrganisationAsync(user, organisationId) is not { } access || !access.Allows(capability)) return null;
        if (loadedOrganisations.TryGetValue(organisationId, out var organisation) && organisation is not null
            && db.Entry(organisation).State != EntityState.Detached)
            return organisation;
        return await LoadOrganisationAsync(user, organisationId);
    }

    /// <summary>The organisations the user is a member of (usually one).</summary>
    public async Task<List<Organisation>> OrganisationsOfAsync(ClaimsPrincipal user)
    {
        if (UserId(user) is not { } userId) return [];
        return await db.Organisations.Include(o => o.Members)
            .Where(o => o.Members.Any(m => m.UserId == userId))
            .OrderBy(o => o.CreatedAt)
            .ToListAsync();
    }

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
