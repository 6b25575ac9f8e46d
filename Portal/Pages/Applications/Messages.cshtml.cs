using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;
using Portal.Requests;

namespace Portal.Pages.Applications;

/// <summary>
/// The applicant's side of the one thread with the municipality: members and coaches with access read it and write in
/// it. Reviewers' internal notes are never read here (the query leaves them out). A refused message keeps its text.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MessagesModel(ApplicationAccess access, RequestDesk desk, PortalText text) : PageModel
{
    [BindProperty] public string? Text { get; set; }
    /// <summary>A coach's answer for the municipality alone (the group's members do not read it).</summary>
    [BindProperty] public bool ForMunicipalityOnly { get; set; }
    /// <summary>The reader is one of the group's coaches: they read and write the coaches' part too.</summary>
    public bool IsCoach { get; private set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public IReadOnlyList<RequestDesk.Shown> Thread { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool Sent { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, bool sent = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        Sent = sent;
        return Page();
    }

    [Needs(Capability.Comment)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            var writer = QuestionComments.WriterOf(await access.OnApplicationAsync(User, id), access.UserId(User))
                ?? throw new DomainException("Request.Message.Error.NotAllowed");
            await desk.WriteAsync(Application, Text,
                ForMunicipalityOnly && writer.Role == ActorRole.Coach ? RequestDesk.Audience.CoachesOnly : RequestDesk.Audience.Thread, writer);
        }
        catch (DomainException e)
        {
            var message = text[e.MessageKey].Value;
            if (e.MessageKey == "Request.Message.Error.TooLong") message += " " + text["Request.Error.Length", (Text ?? "").Trim().Length];
            ModelState.AddModelError("Text", message);
            return Page();
        }
        return RedirectToPage(new { id, sent = true });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        var grants = await access.OnApplicationAsync(User, id);
        IsCoach = QuestionComments.WriterOf(grants, access.UserId(User))?.Role == ActorRole.Coach;
        Thread = await desk.ThreadAsync(id, IsCoach ? RequestDesk.Reader.Coach : RequestDesk.Reader.Member);
        CanWrite = application.SubmittedAt is not null && grants?.Allows(Capability.Comment) == true;
        return true;
    }
}
