using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>
/// "In which language do you write your answers?" A new application starts in the language of the pages; the
/// applicant may choose any listed language or "another language". Reviewers and coaches see which.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AnswerLanguageModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock, PortalText text) : PageModel
{
    [BindProperty] public string? Language { get; set; }
    /// <summary>Where a "change" link came from (check your answers): after saving, the user goes back there.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Application Application { get; private set; } = default!;
    /// <summary>Where saving (or "back") goes: the page that sent the user here, or the task list.</summary>
    public string BackUrl => Url.LocalOrNull(ReturnUrl) ?? Url.Page("/Applications/TaskList", new { id = Application.Id })!;
    public Scheme Scheme { get; private set; } = default!;

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Language = Application.AnswerLanguage;
        return Page();
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            Application.WriteAnswersIn(Language ?? "", await access.ActorOnApplicationAsync(User, id), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(Language), text[e.MessageKey]);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another tab saved something else meanwhile: the language is one choice, so simply choose again.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError(nameof(Language), text["AnswerLanguage.ChangedMeanwhile"]);
            return Page();
        }
        return Redirect(BackUrl);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        return true;
    }
}
