using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Schemes;
using Portal.Infrastructure;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>After submitting: the reference, what happens next, the latest decision date, the contact, and "how easy was this?".</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ConfirmationModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock,
    PortalText text, IOptions<HelpContactOptions> help) : PageModel
{
    [BindProperty] public FeedbackInput Input { get; set; } = new();

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public HelpContactOptions Help => help.Value;
    public DateTimeOffset Now => clock.GetUtcNow();
    public string? Email { get; private set; }
    public bool FeedbackGiven { get; private set; }
    public bool Thanks { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, bool thanks = false)
    {
        if (await LoadAsync(id) is { } other) return other;
        Thanks = thanks;
        return Page();
    }

    /// <summary>Saves the answer once; a second answer (another tab, a resubmitted form) is quietly ignored.</summary>
    [Needs(Capability.Submit)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } other) return other;
        if (FeedbackGiven) return Thanked(id);
        if (Input.Score is not (>= 1 and <= 5))
        {
            ModelState.AddModelError("Input.Score", text["Feedback.Score.Required"]);
            return Page();
        }
        if (Input.Comment?.Length > 2000)
        {
            ModelState.AddModelError("Input.Comment", text["Feedback.Comment.TooLong"]);
            return Page();
        }
        db.EaseFeedback.Add(new EaseFeedback(id, Input.Score.Value, Input.Comment, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two posts at once: the unique index keeps the first answer, and the second needs no error.
        }
        return Thanked(id);
    }

    // "true", not true: a bool route value would be written "True".
    private RedirectToPageResult Thanked(Guid id) => RedirectToPage("/Applications/Confirmation", new { id, thanks = "true" });

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return NotFound();
        if (application.IsEditable) return RedirectToPage("/Applications/Check", new { id });
        if (application.Status == ApplicationStatus.Withdrawn) return RedirectToPage("/Applications/Status", new { id });
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        // The confirmation went to whoever submitted, who may be another member of the group.
        var submitter = application.Events.Where(e => e.Status == ApplicationStatus.Submitted).Select(e => e.ByUserId).FirstOrDefault();
        Email = await db.Users.Where(u => u.Id == submitter).Select(u => u.Email).SingleOrDefaultAsync();
        FeedbackGiven = await db.EaseFeedback.AnyAsync(f => f.ApplicationId == id);
        return null;
    }

    public sealed class FeedbackInput
    {
        public int? Score { get; set; }
        public string? Comment { get; set; }
    }
}
