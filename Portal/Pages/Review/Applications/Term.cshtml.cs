using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// The decision term of one application for the reviewer: received, legal and service-target dates, the days it stood
/// still, extensions, and a notice of default with the penalty it makes run. Extending (art. 4:14 Awb) is possible only
/// before the legal date, to a later date, with a reason the applicant reads in the notice that goes out with it.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Portal.Review.DeclaredNoConflict]
public sealed class TermModel(PortalDbContext db, ApplicationAccess access, PortalText text, TimeProvider clock) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public DecisionTerm Term { get; private set; } = default!;
    public DateOnly Today { get; private set; }
    public bool Extended { get; private set; }

    [BindProperty]
    public ExtendInput Input { get; set; } = new();

    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnGetAsync(Guid id, bool extended = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        Extended = extended;
        return Page();
    }

    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var refusal = Input.NewDate.TryRead(out var newDate);
        if (Input.NewDate.IsEmpty) ModelState.AddModelError("Input.NewDate.Day", text["Term.Extend.DateRequired"]);
        else if (refusal is { } wrong) ModelState.AddModelError($"Input.NewDate.{(wrong.Part == DatePart.Whole ? DatePart.Day : wrong.Part)}", text[wrong.Key]);
        if (string.IsNullOrWhiteSpace(Input.Reason)) ModelState.AddModelError("Input.Reason", text["Term.Extension.Reason.Required"]);
        if (!ModelState.IsValid) return Page();
        try
        {
            Application.ExtendDecisionTerm(Scheme, newDate!.Value, Input.Reason!, AtwCalendar.Netherlands,
                await access.ActorOnApplicationAsync(User, id), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.MessageKey.StartsWith("Term.Extension.Reason", StringComparison.Ordinal) || e.MessageKey == "Answer.TooLong"
                ? "Input.Reason" : "Input.NewDate.Day", text[e.MessageKey]);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the application meanwhile (an answer, another extension): show the term as it is now.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError("Input.NewDate.Day", text["Term.Extend.ChangedMeanwhile"]);
            return Page();
        }
        return RedirectToPage(new { id, extended = "true" });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        var scheme = await access.SchemeOfAsync(application);
        var now = clock.GetUtcNow();
        if (application.DecisionTerm(scheme, AtwCalendar.Netherlands, now) is not { } term) return false;
        Application = application;
        Scheme = scheme;
        Term = term;
        Today = NijmegenTime.DayOf(now);
        return true;
    }

    /// <summary>The extension may be asked only while the term runs and no decision is taken.</summary>
    public bool MayExtend => Application.DecidedOn is null && Application.Status != ApplicationStatus.Withdrawn && Today <= Term.LegalDate;

    public sealed class ExtendInput
    {
        public TypedDate NewDate { get; set; } = new();
        public string? Reason { get; set; }
    }
}
