using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Localization;
using Portal.Domain.Access;

namespace Portal.Pages.Applications.Attachments;

/// <summary>
/// The attachments the scheme asks for at the requested amount (none for small amounts). Every refusal says why and
/// shows the page again with the files already uploaded.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
// Let an oversized file reach the handler, which refuses it in plain words (the 10 and 25 MB rules are checked there).
// Only a post above 100 MB gets the plain "too large" error page instead; with JavaScript, site.js stops a file above
// 10 MB before it is sent at all.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock, PortalText text) : PageModel
{
    public const long MaxRequestBytes = 100 * 1024 * 1024;

    [BindProperty] public DocumentKind? Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    /// <summary>The documents to send as a file at this amount.</summary>
    public IReadOnlyList<DocumentKind> Required { get; private set; } = [];
    /// <summary>Whether the scheme asks for a budget plan at this amount: the typed cost overview is it.</summary>
    public bool BudgetPlanTyped { get; private set; }
    public IReadOnlyList<Attachment> Others { get; private set; } = [];
    public long TotalBytes => Application.Attachments.Sum(a => a.SizeBytes);
    public string? Done { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, string? done)
    {
        if (!await LoadAsync(id)) return NotFound();
        Done = done is "added" or "removed" ? done : null;
        return Page();
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostUploadAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var field = $"Upload.{Kind}";
        if (!Application.IsEditable) return Refuse("", text["Attachment.Error.NotDraft"]);
        // Asked before the file is read; Attach asks the same rule again.
        if (Kind is not { } kind || !Application.TakesAttachment(Scheme, kind)) return Refuse("", text["Attachment.Error.Kind"]);
        if (Upload is null) return Refuse(field, text["Attachment.Error.NoFile"]);
        if (Upload.Length > FileInspector.MaxFileBytes)
            return Refuse(field, text["Attachment.Error.TooLarge", Size(Upload.Length, text)]);
        if (TotalBytes + Upload.Length > FileInspector.MaxApplicationBytes)
            return Refuse(field, text["Attachment.Error.TotalTooLarge", Size(Math.Max(0, FileInspector.MaxApplicationBytes - TotalBytes), text)]);

        byte[] content;
        await using (var stream = Upload.OpenReadStream())
        using (var buffer = new MemoryStream((int)Upload.Length))
        {
            await stream.CopyToAsync(buffer);
            content = buffer.ToArray();
        }
        var inspection = FileInspector.Inspect(Upload.FileName, content);
        if (!inspection.Accepted) return Refuse(field, text[inspection.RefusalKey!]);

        // Metadata and bytes in one SaveChanges: a file is never half stored.
        var attachment = Application.Attach(Scheme, kind, FileInspector.SafeFileName(Upload.FileName), inspection.ContentType!, content.LongLength,
            await access.ActorOnApplicationAsync(User, Application.Id), clock.GetUtcNow());
        db.Add(attachment);
        db.AttachmentFiles.Add(new AttachmentFile { AttachmentId = attachment.Id, Content = content });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ReloadAndRefuseAsync(id, field, "Attachment.Error.ChangedMeanwhile");
        }
        return RedirectToPage("/Applications/Attachments/Index", new { id, done = "added" });
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid attachmentId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Application.IsEditable) return Refuse("", text["Attachment.Error.NotDraft"]);
        if (Application.Attachments.All(a => a.Id != attachmentId)) return RedirectToPage("/Applications/Attachments/Index", new { id });
        try
        {
            Application.RemoveAttachment(attachmentId, await access.ActorOnApplicationAsync(User, Application.Id), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ReloadAndRefuseAsync(id, "", "Attachment.Error.ChangedMeanwhile");
        }
        catch (DomainException e)
        {
            return Refuse("", text[e.MessageKey]);
        }
        return RedirectToPage("/Applications/Attachments/Index", new { id, done = "removed" });
    }

    /// <summary>
    /// "2,4 MB", "120 kB", "2,4 ميغابايت": sizes as people read them, the unit in the page's language and the number
    /// written as amounts are (a decimal comma in every language). Rounded up, so a file just over the 10 MB limit reads
    /// "10,1 MB", not "10 MB". Isolated, so that next to a date in Arabic text it stays one unit.
    /// </summary>
    public static string Size(long bytes, IStringLocalizer text)
    {
        var (number, unit) = bytes >= 1024 * 1024
            ? ((Math.Ceiling(bytes * 10 / (1024d * 1024)) / 10).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ','), "Attachment.Size.Megabytes")
            : (Math.Max(1, (long)Math.Ceiling(bytes / 1024d)).ToString(CultureInfo.InvariantCulture), "Attachment.Size.Kilobytes");
        return Bidi.Isolate(text[unit, number]);
    }

    /// <summary>What site.js fills in when it stops a file above the limit before sending: <see cref="Size"/> with "{0}" for the number.</summary>
    public static string MegabytesTemplate(IStringLocalizer text) => Bidi.Isolate(text["Attachment.Size.Megabytes", "{0}"]);

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<IActionResult> ReloadAndRefuseAsync(Guid id, string field, string key)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id)) return NotFound();
        return Refuse(field, text[key]);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Required = Scheme.DocumentsToUpload(application.Requested);
        BudgetPlanTyped = Scheme.RequiredDocuments(application.Requested).Any(kind => kind.IsTypedInThePortal());
        Others = application.Attachments.Where(a => !Required.Contains(a.Kind)).OrderBy(a => a.UploadedAt).ToList();
        return true;
    }
}
