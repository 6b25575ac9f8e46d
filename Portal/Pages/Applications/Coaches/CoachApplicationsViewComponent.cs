using Microsoft.AspNetCore.Mvc;
using Portal.Applications;
using Portal.Domain.Accounts;

namespace Portal.Pages.Applications.Coaches;

/// <summary>
/// On a coach's work page: the applications the members let this coach in on, so the way in does not depend on keeping
/// the mail. A coach in the Coach role only: the access check counts a grant only for that role.
/// </summary>
public sealed class CoachApplicationsViewComponent(ApplicationAccess access, CoachConsent consent, Portal.Coaching.CoachDesk desk) : ViewComponent
{
    /// <summary>The coach's own, and for the lead of a coaching organisation also those of its other coaches (issue 10, point 4).</summary>
    public sealed record Lists(IReadOnlyList<CoachConsent.CoachedApplication> Own, IReadOnlyList<(string Coach, CoachConsent.CoachedApplication Application)> Team);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!HttpContext.User.IsInRole(Roles.Coach) || access.UserId(HttpContext.User) is not { } coachId) return Content("");
        var team = new List<(string, CoachConsent.CoachedApplication)>();
        foreach (var colleague in await desk.TeamOfLeadAsync(coachId))
            team.AddRange((await consent.OfCoachAsync(colleague.UserId)).Select(a => (colleague.Name, a)));
        return View(new Lists(await consent.OfCoachAsync(coachId), team));
    }
}
