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
/// The applicant (a member, or a coach allowed to fill in) answers a request with text, files or both. The status page
/// shows the same form; a refused answer comes back here with the text kept (files must be chosen again: a browser
/// never sends them twice) and the reason beside the field.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(Attachments.IndexModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.IndexModel.MaxRequestBytes)]
public sealed class AnswerModel(ApplicationAccess access, RequestDesk desk, PortalText text) : PageModel
{
    [BindProperty] public string? AnswerText { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public InformationRequest Asked { get; private set; } = default!;
    public bool CanAnswer { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, Guid requestId) => await LoadAsync(id, requestId) ? Page() : NotFound();

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAsync(Guid id, Guid requestId)
    {
        if (!await LoadAsync(id, requestId)) return NotFound();
        var uploads = new List<RequestDesk.Upload>();
        foreach (var file in Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            if (file.Length > FileInspector.MaxFileBytes)
                return Refuse("Files", text["Attachment.Error.TooLarge", Attachments.IndexModel.Size(file.Length, text)]);
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer);
            uploads.Add(new RequestDesk.Upload(file.FileName, buffer.ToArray()));
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
            return Refuse("", text["Request.Error.ChangedMeanwhile"]);
        }
        return Redirect(Url.Page("/Applications/Status", new { id })! + "?answered=" + requestId.ToString("N") + "#request-" + requestId.ToString("N"));
    }

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid requestId)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        if (application.InformationRequests.FirstOrDefault(r => r.Id == requestId) is not { } request) return false;
        Application = application;
        Asked = request;
        Scheme = await access.SchemeOfAsync(application);
        CanAnswer = request.IsOpen && (await access.OnApplicationAsync(User, id))?.Allows(Capability.EditAnswers) == true;
        return true;
    }
}
