using Microsoft.AspNetCore.Mvc;
using Portal.Applications;
using Portal.Domain.Accounts;

namespace Portal.Pages.Applications.Coaches;

/// <summary>
/// On a coach's work page: the applications the members let this coach in on, so the way in does not depend on keeping
/// the mail. A coach in the Coach role only: the access check counts a grant only for that role.
/// </summary>
public sealed class CoachApplicationsViewComponent(ApplicationAccess access, CoachConsent consent) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!HttpContext.User.IsInRole(Roles.Coach) || access.UserId(HttpContext.User) is not { } coachId) return Content("");
        return View(await consent.OfCoachAsync(coachId));
    }
}
