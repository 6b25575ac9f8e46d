using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Localization;
using Portal.Objections;

namespace Portal.Pages.Applications.Objection;

/// <summary>
/// "Ik ben het niet eens met dit besluit" (issue 12, point 4): the objection form of a member of the group, or of a coach the
/// group allowed to fill in; anyone else gets "not found". A plain multipart form (no JavaScript needed): the why in their own
/// words and language, and files if they like. Received also after the last day (then marked late, art. 6:11 Awb). A refused
/// form comes back with the text kept and the reason beside the field; a second click finds the objection already received.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(Attachments.IndexModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.IndexModel.MaxRequestBytes)]
public sealed class IndexModel(ApplicationAccess access, ObjectionDesk desk, PortalText text, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    /// <summary>The decision that stands, or null when there is none to object to (not decided yet, or reopened).</summary>
    public Decision? Decision { get; private set; }
    public DateOnly LastDay { get; private set; }
    public bool Late { get; private set; }

    // Objecting is writing on the group's behalf: the same people who fill in the application (members, a coach allowed to edit).
    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Decision is not null && (await desk.ObjectionsAsync(id)).Any(o => o.DecisionId == Decision.Id))
            return RedirectToPage("/Applications/Objection/Received", new { id });
        return Page();
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Decision is null) return Page();
        var uploads = new List<FileUpload>();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            if (file.Length > FileInspector.MaxFileBytes)
                return Refuse("Files", text["Attachment.Error.TooLarge", Attachments.IndexModel.Size(file.Length, text)]);
            uploads.Add(await FileUpload.ReadAsync(file));
        }
        try
        {
            await desk.LodgeAsync(Application, Decision, Reason, uploads, await access.ActorOnApplicationAsync(User, id));
        }
        catch (DomainException e)
        {
            var field = e.MessageKey switch
            {
                "Objection.Error.TextRequired" or "Objection.Error.TooLong" => nameof(Reason),
                "Objection.Error.NoDecision" or "Application.NotYours" => "",
                _ => nameof(Files),
            };
            var message = text[e.MessageKey].Value;
            if (e.MessageKey == "Objection.Error.TooLong")
                message += " " + text["Objection.Error.Length", (Reason ?? "").Trim().Length, Domain.Decisions.Objection.MaxTextLength];
            if (field == nameof(Files) && uploads.Count > 0) message += " " + text["Request.Answer.ChooseAgain"];
            return Refuse(field, message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The decision changed meanwhile (reopened): the page shows how it stands now, the text kept.
            return Refuse("", text["Objection.Error.ChangedMeanwhile"]);
        }
        return RedirectToPage("/Applications/Objection/Received", new { id });
    }

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id, Capability.EditAnswers) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Decision = ApplicationStateMachine.IsDecided(application.Status) ? await desk.StandingDecisionAsync(id) : null;
        if (Decision is not null)
        {
            LastDay = Domain.Decisions.Objection.LastDayFor(Decision, AtwCalendar.Netherlands);
            Late = NijmegenTime.DayOf(clock.GetUtcNow()) > LastDay;
        }
        return true;
    }
}
