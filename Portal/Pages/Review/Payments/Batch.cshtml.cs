using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Payments;

namespace Portal.Pages.Review.Payments;

/// <summary>One payment batch: what it pays to whom, and its SEPA file (pain.001.001.03) to download; every download is audited.</summary>
[Authorize(Policy = Policies.Approver)]
public sealed class BatchModel(PaymentBatches batches, PortalDbContext db, ApplicationAccess access, TimeProvider clock) : PageModel
{
    public PaymentBatch Batch { get; private set; } = default!;

    [FromQuery(Name = "made")] public bool Made { get; set; }
    [FromQuery(Name = "paid")] public int? PaidMeanwhile { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await batches.BatchAsync(id, cancellationToken) is not { } batch) return NotFound();
        Batch = batch;
        return Page();
    }

    /// <summary>The file for the bank. A POST, so that downloading (which is audited) is never done by a link preview or a prefetch.</summary>
    public async Task<IActionResult> OnPostFileAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await batches.BatchAsync(id, cancellationToken) is not { } batch) return NotFound();
        var file = SepaCreditTransfer.Write(batch);
        batch.Downloaded(Actor.Approver(access.UserId(User)!.Value), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return File(file, SepaCreditTransfer.ContentType, SepaCreditTransfer.FileName(batch));
    }
}
