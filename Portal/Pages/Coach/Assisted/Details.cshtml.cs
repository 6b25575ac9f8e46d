using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Coach.Assisted;

/// <summary>
/// One assisted application, step by step: the group's profile and the answers (the ordinary pages, under the coach's
/// assisting grant), the written authorisation to print and upload, and sending in with the choice of who hears back.
/// The send button works only once the signed authorisation is uploaded (the domain refuses it before, too).
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(Portal.Pages.Applications.Attachments.IndexModel.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Portal.Pages.Applications.Attachments.IndexModel.MaxRequestBytes)]
public sealed class DetailsModel(AssistedApplications assisted, ApplicationAccess access, PortalDbContext db,
    PortalText text) : AssistedPageModel
{
    [BindProperty] public SubmitInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Authorisation { get; set; }

    public AssistedApplication Assisted { get; private set; } = default!;
    public Application Application { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public IReadOnlyList<MissingItem> Missing { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done)
    {
        if (!await LoadAsync(id)) return NotFound();
        Done = done is "uploaded" or "submitted" ? done : null;
        var defaults = AssistedApplication.DefaultUpdates;
        Input = new SubmitInput
        {
            UpdatesTo = Assisted.UpdatesTo ?? defaults.UpdatesTo, PersonChannel = Assisted.PersonChannel ?? defaults.PersonChannel,
        };
        return Page();
    }

    /// <summary>The uploaded authorisation, to check it can be read: always a download, never shown inline (like attachments).</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id)
    {
        if (!await LoadAsync(id) || !Assisted.HasWrittenAuthorisation) return NotFound();
        if (await assisted.AuthorisationFileAsync(id) is not { } file) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, Assisted.AuthorisationContentType!, Assisted.AuthorisationFileName);
    }

    public async Task<IActionResult> OnPostAuthorisationAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        const string field = nameof(Authorisation);
        if (Authorisation is null || Authorisation.Length == 0) return Refuse(field, "Assisted.Authorisation.NoFile");
        if (Authorisation.Length > FileInspector.MaxFileBytes)
            return Refuse(field, text["Attachment.Error.TooLarge", Portal.Pages.Applications.Attachments.IndexModel.Size(Authorisation.Length, text)]);
        byte[] content;
        await using (var stream = Authorisation.OpenReadStream())
        using (var buffer = new MemoryStream((int)Authorisation.Length))
        {
            await stream.CopyToAsync(buffer);
            content = buffer.ToArray();
        }
        // The same content checks as every attachment: a photo, a scan (PDF) or another allowed document, by its bytes.
        var inspection = FileInspector.Inspect(Authorisation.FileName, content);
        if (!inspection.Accepted) return Refuse(field, text[inspection.RefusalKey!]);
        try
        {
            await assisted.UploadAuthorisationAsync(Assisted, FileInspector.SafeFileName(Authorisation.FileName), inspection.ContentType!, content);
        }
        catch (DomainException e)
        {
            return Refuse(field, text[e.MessageKey]);
        }
        return RedirectToPage("/Coach/Assisted/Details", null, new { id, done = "uploaded" }, "authorisation");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Input.UpdatesTo is not { } updatesTo) return Refuse("Input.UpdatesTo", "Assisted.Updates.Required");
        if (Input.PersonChannel is not { } channel) return Refuse("Input.PersonChannel", "Assisted.Updates.Required");
        SubmitOutcome outcome;
        try
        {
            outcome = await assisted.SubmitAsync(id, Assisted.CoachId, Input.Declaration, updatesTo, channel);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            return Refuse(e.MessageKey == "Assisted.Submit.AuthorisationMissing" ? nameof(Authorisation) : "Input.PersonChannel", e.MessageKey);
        }
        db.ChangeTracker.Clear();
        switch (outcome)
        {
            case SubmitOutcome.Submitted or SubmitOutcome.AlreadySubmitted:
                return RedirectToPage("/Coach/Assisted/Details", null, new { id, done = "submitted" }, "sent");
            case SubmitOutcome.NotFound:
                return NotFound();
        }
        if (!await LoadAsync(id)) return NotFound();
        return Refuse(outcome == SubmitOutcome.DeclarationMissing ? "Input.Declaration" : "", outcome == SubmitOutcome.DeclarationMissing
            ? "Assisted.Submit.Declaration" : "Assisted.Submit.Incomplete");
    }

    private PageResult Refuse(string field, string keyOrMessage)
    {
        var message = text[keyOrMessage];
        ModelState.AddModelError(field, message.ResourceNotFound ? keyOrMessage : message.Value);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await assisted.ForAsync(await access.OnApplicationAsync(User, id), id) is not { } found
            || await access.ApplicationAsync(User, id) is not { } application)
            return false;
        Assisted = found;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        var here = Url.Page("/Coach/Assisted/Details", new { id })!;
        Missing = SubmitApplication.Missing(Url, application, Scheme, Organisation, here);
        return true;
    }

    public sealed class SubmitInput
    {
        /// <summary>The coach confirms the person saw and agreed to the answers (read out, or on the printed page).</summary>
        public bool Declaration { get; set; }
        public UpdatesTo? UpdatesTo { get; set; }
        public PersonChannel? PersonChannel { get; set; }
    }
}
