using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Coaching;

namespace Portal.Coaching;

/// <summary>
/// "Your coach" (issue 10, point 6): once a coach has helped the group, its members see the coach's name, languages and
/// how to reach them on every page of an application, with a button to ask for another coach. Nothing for anyone else
/// (a coach or reviewer looking at the application), and nothing while the group has no fixed coach. The organisation
/// came with the application's access check, so only a group with a coach costs a query.
/// </summary>
public sealed class YourCoachViewComponent(ApplicationAccess access, PortalDbContext db) : ViewComponent
{
    public sealed record Card(CoachProfile Coach, Guid OrganisationId, bool Full);

    /// <param name="applicationId">The application the page is about.</param>
    /// <param name="full">The whole card (task list, status page); otherwise one line in the footer.</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId, bool full)
    {
        if (await access.OnApplicationAsync(UserClaimsPrincipal, applicationId) is not { } grants || !grants.Kinds.Contains(GrantKind.Member)
            || await access.ApplicationAsync(UserClaimsPrincipal, applicationId) is not { } application
            || await access.ApplicantOfAsync(application) is not { FixedCoachId: { } coachId } organisation
            || await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == coachId) is not { } coach)
            return Content("");
        return View(new Card(coach, organisation.Id, full));
    }
}
