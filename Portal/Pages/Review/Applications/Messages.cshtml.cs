using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;
using Portal.Requests;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// The staff side of the application's thread: messages to and from the applicant, and internal notes for colleagues
/// that only staff ever read (marked as such). A refused text comes back in its own field, kept.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Portal.Review.DeclaredNoConflict]
public sealed class MessagesModel(ApplicationAccess access, RequestDesk desk, PortalText text) : PageModel
{
    [BindProperty] public string? MessageText { get; set; }
    [BindProperty] public string? NoteText { get; set; }
    [BindProperty] public string? CoachText { get; set; }
    /// <summary>A coach has access to the application: the reviewer may ask them for context (the group does not read it).</summary>
    public bool HasCoach { get; private set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<RequestDesk.Shown> Thread { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done)
    {
        if (!await LoadAsync(id)) return NotFound();
        Done = done is "message" or "note" or "coach" ? done : null;
        return Page();
    }

    public Task<IActionResult> OnPostMessageAsync(Guid id) => WriteAsync(id, "MessageText", MessageText, RequestDesk.Audience.Thread, "message");

    public Task<IActionResult> OnPostNoteAsync(Guid id) => WriteAsync(id, "NoteText", NoteText, RequestDesk.Audience.InternalNote, "note");

    public Task<IActionResult> OnPostCoachAsync(Guid id) => WriteAsync(id, "CoachText", CoachText, RequestDesk.Audience.CoachesOnly, "coach");

    private async Task<IActionResult> WriteAsync(Guid id, string field, string? written, RequestDesk.Audience audience, string done)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            if (audience == RequestDesk.Audience.CoachesOnly && !HasCoach) throw new DomainException("Request.Message.Error.NoCoach");
            await desk.WriteAsync(Application, written, audience, await access.ActorOnApplicationAsync(User, id));
        }
        catch (DomainException e)
        {
            var message = text[e.MessageKey].Value;
            if (e.MessageKey == "Request.Message.Error.TooLong") message += " " + text["Request.Error.Length", (written ?? "").Trim().Length];
            ModelState.AddModelError(field, message);
            return Page();
        }
        return RedirectToPage(new { id, done });
    }

    /// <summary>Staff who may assess it, once sent in; anyone else (and any other id) gets 404.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id, Capability.Assess) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        Thread = await desk.ThreadAsync(id, (await access.OnApplicationAsync(User, id))!.Allows(Capability.SeeInternalNotes)
            ? RequestDesk.Reader.Staff : RequestDesk.Reader.Coach);
        HasCoach = await desk.HasCoachAsync(id);
        return true;
    }
}
