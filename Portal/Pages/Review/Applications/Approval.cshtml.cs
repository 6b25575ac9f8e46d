using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// Issue 11 point 8, four-eyes: an approver who is not the assessor reads the assessment and the proposal, and approves
/// it or sends it back to review with a note. The domain refuses an approver's own proposal, also when posted directly.
/// </summary>
[Authorize(Policy = Policies.Approver)]
public sealed class ApprovalModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock, PortalText text, Portal.Review.ProposalDecisions decisions)
    : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public AssessmentFramework? Framework { get; private set; }
    public ApplicationAssessment? Proposal { get; private set; }
    public string? AssessorEmail { get; private set; }
    public bool IsOwnProposal { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [Needs(Capability.Approve)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    [Needs(Capability.Approve)]
    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await ActAsync(id, () => decisions.DecideAsync(Proposal!, Application, Me), "approved");
    }

    [Needs(Capability.Approve)]
    public async Task<IActionResult> OnPostSendBackAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await ActAsync(id, () =>
        {
            Proposal!.SendBack(Application, Note, Me, clock.GetUtcNow());
            return db.SaveChangesAsync();
        }, "sent-back");
    }

    /// <summary>Always as approver: someone who also holds the reviewer role approves here as approver, never as assessor.</summary>
    private Actor Me => Actor.Approver(access.UserId(User)!.Value);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, string done)
    {
        if (Proposal is null)
        {
            ModelState.AddModelError("", text["Assessment.NotProposed"]);
            return Page();
        }
        try
        {
            await act();
        }
        catch (DomainException e)
        {
            // Nothing was saved; the page shows the proposal as it stands (a refused step may have changed it in memory).
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError(e.MessageKey == "Assessment.SendBack.NoteRequired" ? nameof(Note) : "", text[e.MessageKey]);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError("", text["Assessment.ChangedMeanwhile"]);
            return Page();
        }
        return RedirectToPage("/Review/Approvals", new { done });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id, Capability.Approve) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        Framework = await AssessmentLoading.FrameworkAsync(db, application.SchemeId);
        Proposal = await AssessmentLoading.ProposedAsync(db, id);
        if (Proposal is not null)
        {
            AssessorEmail = await db.Users.Where(u => u.Id == Proposal.AssessorId).Select(u => u.Email).SingleOrDefaultAsync();
            IsOwnProposal = Proposal.AssessorId == access.UserId(User);
        }
        return true;
    }
}
