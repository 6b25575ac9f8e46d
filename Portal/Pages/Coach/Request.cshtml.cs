using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Coaching;
using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Coach;

/// <summary>
/// One request for help, as the coach works on it: claim it, note privately, hand it over with a note, say how contact
/// was made and how it ended. Only a coach the request is for (or their lead) finds it; anyone else gets 404.
/// </summary>
[Authorize(Policy = Policies.Coach)]
public sealed class RequestModel(CoachDesk desk, ApplicationAccess access, PortalText text) : PageModel
{
    public HelpRequest HelpRequest { get; private set; } = null!;
    public Guid Me { get; private set; }
    public CoachProfile? Profile { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<CoachProfile> OtherCoaches { get; private set; } = [];
    public int Age => desk.AgeOf(HelpRequest);
    public bool Overdue => desk.IsOverdue(HelpRequest);
    public bool Mine => HelpRequest.CoachId == Me;

    [BindProperty] public HelpChannel? ContactedBy { get; set; }
    [BindProperty] public HelpOutcome? Outcome { get; set; }
    [BindProperty] public Guid? ToCoach { get; set; }
    [BindProperty] public string? HandoverNote { get; set; }
    [BindProperty] public string? Note { get; set; }
    /// <summary>What the last action did, for the message at the top (after the redirect that follows every action).</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (Done is not (null or "Claimed" or "Contacted" or "Resolved" or "Noted")) Done = null;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id) => ActAsync(id, "Claimed", null, () => desk.ClaimAsync(HelpRequest, Me));

    public Task<IActionResult> OnPostContactedAsync(Guid id) => ActAsync(id, "Contacted", nameof(ContactedBy), () =>
        ContactedBy is { } how ? desk.MarkContactedAsync(HelpRequest, Me, how) : throw new DomainException("Coaching.Request.Choice"));

    public Task<IActionResult> OnPostResolveAsync(Guid id) => ActAsync(id, "Resolved", nameof(Outcome), () =>
        Outcome is { } outcome ? desk.ResolveAsync(HelpRequest, Me, outcome) : throw new DomainException("Coaching.Request.Choice"));

    public Task<IActionResult> OnPostHandOverAsync(Guid id) => ActAsync(id, "HandedOver", nameof(HandoverNote), () =>
        ToCoach is { } to ? desk.HandOverAsync(HelpRequest, Me, to, HandoverNote) : throw new DomainException("Coaching.Request.HandOverToSelf"));

    public Task<IActionResult> OnPostNoteAsync(Guid id) => ActAsync(id, "Noted", nameof(Note), () => desk.AddNoteAsync(HelpRequest, Me, Note));

    /// <summary>Runs one verb; a refusal comes back on the page next to its field, with what the coach typed.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string done, string? field, Func<Task> verb)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            await verb();
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError(field ?? "", text[refused.MessageKey]);
            await LoadAsync(id);
            return Page();
        }
        // A handover leaves the request with someone else: the coach goes back to the list, with the news.
        return done == "HandedOver" ? RedirectToPage("/Coach/Index", new { handedOver = true }) : RedirectToPage(new { id, done });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (access.UserId(User) is not { } me || await desk.FindAsync(me, id) is not { } request) return false;
        (Me, HelpRequest) = (me, request);
        Profile = await desk.ProfileAsync(me);
        Names = await desk.NamesAsync(request.Notes.Select(n => (Guid?)n.CoachId).Append(request.CoachId));
        OtherCoaches = await desk.OtherCoachesAsync(me);
        return true;
    }
}
