using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Localization;
using Portal.Requests;

namespace Portal.Pages.Applications.Requests;

/// <summary>
/// The municipality's requests and questions on one application, and the answer forms of the open ones: the applicant (a
/// member, or a coach allowed to fill in) answers with text, files or both. The status page shows the same forms and posts
/// here; a refused answer comes back here with the text kept (files must be chosen again: a browser never sends them twice)
/// and the reason beside the field.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(Attachments.IndexModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.IndexModel.MaxRequestBytes)]
public sealed class IndexModel(ApplicationAccess access, RequestDesk desk, PortalText text, Portal.Data.PortalDbContext db) : PageModel
{
    [BindProperty] public Guid? RequestId { get; set; }
    [BindProperty] public string? AnswerText { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public IReadOnlyList<InformationRequest> Requests { get; private set; } = [];
    public bool CanAnswer { get; private set; }
    /// <summary>The request whose answer was refused: its form shows the error and what was typed.</summary>
    public Guid? Refused { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // No request named (or one of another application): the list as it stands.
        if (RequestId is not { } requestId || Requests.All(r => r.Id != requestId)) return RedirectToPage(new { id });
        Refused = requestId;
        var uploads = new List<FileUpload>();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            if (file.Length > FileInspector.MaxFileBytes)
                return Refuse("Files", text["Attachment.Error.TooLarge", Attachments.IndexModel.Size(file.Length, text)]);
            uploads.Add(await FileUpload.ReadAsync(file));
        }
        try
        {
            await desk.AnswerAsync(Application, requestId, AnswerText, uploads, await access.ActorOnApplicationAsync(User, id));
        }
        catch (DomainException e)
        {
            var field = e.MessageKey switch
            {
                "Request.Error.AnswerRequired" or "Request.Error.TooLong" => "AnswerText",
                "InformationRequest.NotOpen" or "Application.NotYours" => "",
                _ => "Files",
            };
            var message = text[e.MessageKey].Value;
            if (e.MessageKey == "Request.Error.TooLong") message += " " + text["Request.Error.Length", (AnswerText ?? "").Trim().Length];
            if (field == "Files" && uploads.Count > 0 && e.MessageKey != "Request.Error.TooManyFiles") message += " " + text["Request.Answer.ChooseAgain"];
            return Refuse(field, message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered (or changed) elsewhere at the same moment: the page shows how it stands now, the text kept.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            return Refuse("", text["Request.Error.ChangedMeanwhile"]);
        }
        return Redirect(Url.Page("/Applications/Status", new { id })! + "?answered=" + requestId.ToString("N") + "#request-" + requestId.ToString("N"));
    }

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        Requests = application.InformationRequests.OrderByDescending(r => r.IsOpen).ThenByDescending(r => r.SentAt).ToList();
        Scheme = await access.SchemeOfAsync(application);
        CanAnswer = (await access.OnApplicationAsync(User, id))?.Allows(Capability.EditAnswers) == true;
        return true;
    }
}
