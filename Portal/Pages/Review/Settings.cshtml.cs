using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Review;
using Portal.Infrastructure.Localization;
using Portal.Review;

namespace Portal.Pages.Review;

/// <summary>How often a reviewer is emailed: about each event, once a day, or never (issue 11, point 1).</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class SettingsModel(ReviewInbox inbox, ApplicationAccess access, PortalDbContext db, PortalText text, TimeProvider clock) : PageModel
{
    [BindProperty] public ReviewEmailFrequency? Frequency { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.UserId(User) is not { } me) return NotFound();
        Frequency = (await inbox.SettingsAsync(me)).EmailFrequency;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (access.UserId(User) is not { } me) return NotFound();
        if (Frequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            ModelState.AddModelError(nameof(Frequency), text["Review.Settings.Choose"]);
            return Page();
        }
        (await inbox.SettingsAsync(me)).Choose(frequency, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return RedirectToPage(new { saved = true });
    }
}
