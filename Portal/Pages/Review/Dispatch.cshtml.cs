using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;
using Portal.Dispatch;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Pages.Review;

/// <summary>
/// Sending decisions (Wmebv, issue 12 point 3): the letters staff must post — nobody agreed to email, or the email failed
/// after every retry — each with its printable letter and "posted on &lt;date&gt;", which is the sending date; then how the
/// latest decisions went out and were received (channel, sent at, last day to object, first opened in the portal).
/// Reviewers and approvers, after a second factor.
/// </summary>
[Authorize(Policy = Policies.Staff, Roles = Roles.Reviewer + "," + Roles.Approver)]
public sealed class DispatchModel(PostTasks tasks, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PostTasks.Row> ToPost { get; private set; } = [];
    public IReadOnlyList<PostTasks.Row> WaitingForEmail { get; private set; } = [];
    public IReadOnlyList<PostTasks.Row> Sent { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public PostTasks.Outcome? Result { get; private set; }
    /// <summary>The letter whose "posted on" was refused, and why (a message key).</summary>
    public (Guid DecisionId, string Key)? Refused { get; private set; }

    [BindProperty] public DateOnly? PostedOn { get; set; }

    public async Task OnGetAsync(PostTasks.Outcome? result, CancellationToken cancellationToken)
    {
        Result = result;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(users.GetUserId(User)!);
        var by = User.IsInRole(Roles.Reviewer) ? Actor.Reviewer(userId) : Actor.Approver(userId);
        try
        {
            var outcome = await tasks.MarkPostedAsync(decisionId, PostedOn, by, cancellationToken);
            if (outcome is null) return NotFound();
            return RedirectToPage(new { result = outcome });
        }
        catch (DomainException e)
        {
            // The decision's own refusals (already sent, reopened) read as one plain sentence on this page.
            Refused = (decisionId, e.MessageKey.StartsWith("Dispatch.", StringComparison.Ordinal) ? e.MessageKey : "Dispatch.Post.NotPossible");
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = NijmegenTime.DayOf(clock.GetUtcNow());
        ToPost = await tasks.ToPostAsync(cancellationToken);
        WaitingForEmail = await tasks.WaitingForEmailAsync(cancellationToken);
        Sent = await tasks.SentAsync(cancellationToken);
    }
}
