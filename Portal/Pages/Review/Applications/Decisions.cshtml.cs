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
using Portal.Domain.Decisions;
using Portal.Infrastructure.Localization;
using Portal.Objections;
using Portal.Review;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// Objection and decisions of one application for staff (issue 12, points 4 and 5): the objections received (text, files, on
/// time or late), every version of the decision (a reopened one with what it was decided on, read-only from its frozen
/// snapshot), and — for an approver only — reopening the decision that stands, with a reason. Withdrawing (intrekken) or
/// amending (wijzigen) a decision goes the same way: reopen with the reason, then a new decision after review.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DecisionsModel(ApplicationAccess access, ReviewerGate gate, ObjectionDesk desk, DecisionReopening reopening,
    PortalDbContext db, PortalText text) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Application Application { get; private set; } = default!;
    public IReadOnlyList<Decision> Decisions { get; private set; } = [];
    public IReadOnlyList<Domain.Decisions.Objection> Objections { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>This user may reopen a decision: an approver (the senior role), whatever other roles they hold.</summary>
    public bool MayReopen { get; private set; }
    /// <summary>The decision an approver can reopen now: the one that stands on a decided application.</summary>
    public Decision? Reopenable { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (Done is not (null or "reopened")) Done = null;
        if (await LoadAsync(id) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!MayReopen) return NotFound();
        if (Reopenable is not { } decision)
        {
            ModelState.AddModelError("", text["Staff.Objection.Reopen.Nothing"]);
            return Page();
        }
        try
        {
            await reopening.ReopenAsync(Application, decision, Reason, Actor.Approver(access.UserId(User)!.Value));
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            if (await LoadAsync(id) is { } gone) return gone;
            ModelState.AddModelError(e.MessageKey is "Decision.Reopen.ReasonRequired" or "Answer.TooLong" ? nameof(Reason) : "", text[e.MessageKey]);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await LoadAsync(id) is { } gone) return gone;
            ModelState.AddModelError("", text["Staff.Objection.Reopen.ChangedMeanwhile"]);
            return Page();
        }
        return RedirectToPage(new { id, done = "reopened" });
    }

    /// <returns>Null when the page may be shown, otherwise what to answer instead (404, or the summary to declare first).</returns>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        // Reviewers, approvers and administrators, once it was sent in; a coach or a member of the group gets "not found".
        if (await access.ApplicationAsync(User, id, Capability.SeeInternalNotes) is not { SubmittedAt: not null } application) return NotFound();
        // A reviewer reads people's words only after declaring no conflict of interest, as on every reviewer page.
        if (await gate.OpenAsync(User, id) is { MaySeeAll: false } && !(await access.OnApplicationAsync(User, id))!.Allows(Capability.Approve))
            return RedirectToPage("/Review/Applications/Index", new { id });
        Application = application;
        Decisions = await desk.DecisionsAsync(id);
        Objections = await desk.ObjectionsAsync(id);
        MayReopen = (await access.OnApplicationAsync(User, id))!.Allows(Capability.Approve);
        Reopenable = ApplicationStateMachine.IsDecided(application.Status) && Decisions.FirstOrDefault(d => d.Stands) is { } standing
            ? await db.Decisions.SingleAsync(d => d.Id == standing.Id)
            : null;
        var ids = Decisions.SelectMany(d => new[] { d.DecidedBy, d.ReopenedBy }).OfType<Guid>().Concat(Objections.Select(o => o.LodgedBy)).Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "");
        return null;
    }
}
