using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;

namespace Portal.Pages.Applications.Attachments;

/// <summary>
/// Sends an attachment to a member of the organisation only, always as a download (never shown inline, so an uploaded
/// file cannot run as a page of this site); nosniff is set for every response.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DownloadModel(PortalDbContext db, ApplicationAccess access) : PageModel
{
    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return NotFound();
        if (application.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment) return NotFound();
        var content = await db.AttachmentFiles.AsNoTracking()
            .Where(f => f.AttachmentId == attachmentId)
            .Select(f => f.Content)
            .SingleOrDefaultAsync();
        if (content is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(content, attachment.ContentType, attachment.FileName);
    }
}
