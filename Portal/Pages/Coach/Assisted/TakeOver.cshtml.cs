using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Coach.Assisted;

/// <summary>
/// The person a coach helped, now with an account, takes their group over with the code from the letter or email. A
/// refused code is audited (someone may be guessing); a good one makes them a member and ends the coach's assisting grant.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
// A code is a secret like a sign-in link: guessing is slowed down the same way (attempts per client address).
[EnableRateLimiting(Portal.Infrastructure.Security.RateLimitOptions.SignInLink)]
public sealed class TakeOverModel(AssistedApplications assisted, PortalDbContext db, AuditLog audit, UserManager<PortalUser> users,
    PortalText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = Guid.Parse(users.GetUserId(User)!);
        try
        {
            var organisationId = await assisted.TakeOverAsync(Code, userId);
            return RedirectToPage("/Organisation/Index", new { id = organisationId });
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            await audit.RecordNowAsync(AuditKinds.TakeoverRefused, userId, detail: e.MessageKey);
            ModelState.AddModelError(nameof(Code), text[e.MessageKey]);
            return Page();
        }
    }
}
