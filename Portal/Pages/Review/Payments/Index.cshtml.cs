using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Payments;
using Portal.Infrastructure.Localization;
using Portal.Payments;

namespace Portal.Pages.Review.Payments;

/// <summary>
/// Issue 12, point 7: the granted decisions that wait for payment, a payment batch made of them for the finance department,
/// and the batches made before. Approvers (senior staff who decide on money), after a second factor. A group paid through a
/// host organisation whose IBAN is not known yet waits here until staff record it from the agreement with the host.
/// </summary>
[Authorize(Policy = Policies.Approver)]
public sealed class IndexModel(PaymentBatches batches, ApplicationAccess access, PortalText text) : PageModel
{
    public const int BatchesShown = 20;

    public IReadOnlyList<PaymentBatches.Payable> Payable { get; private set; } = [];
    public IReadOnlyList<PaymentBatch> Recent { get; private set; } = [];

    /// <summary>What happened to the last click: "none" (nothing left to pay), "host-iban" (recorded).</summary>
    [FromQuery(Name = "done")] public string? Done { get; set; }
    [FromQuery(Name = "paid")] public int? PaidMeanwhile { get; set; }

    [BindProperty] public List<Guid> DecisionIds { get; set; } = [];
    [BindProperty] public Guid OrganisationId { get; set; }
    [BindProperty] public string? HostIban { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMakeAsync(CancellationToken cancellationToken)
    {
        if (DecisionIds.Count == 0)
        {
            ModelState.AddModelError(nameof(DecisionIds), text["Payout.Choose"]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        var outcome = await batches.MakeAsync(DecisionIds, Me, cancellationToken);
        if (outcome.Batch is { } batch) return RedirectToPage("Batch", new { id = batch.Id, made = "true", paid = outcome.AlreadyPaid });
        return RedirectToPage(new { done = "none", paid = outcome.AlreadyPaid });
    }

    public async Task<IActionResult> OnPostHostIbanAsync(CancellationToken cancellationToken)
    {
        var field = $"HostIban-{OrganisationId}";
        if (Iban.TryParse(HostIban, out var error) is not { } iban)
        {
            ModelState.AddModelError(field, text[error!]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        // Only a group that waits here for its host's account: another id in the form finds nothing to change.
        await LoadAsync(cancellationToken);
        if (!Payable.Any(p => p.OrganisationId == OrganisationId && p.ViaHost)) return NotFound();
        try
        {
            await batches.RecordHostIbanAsync(OrganisationId, iban, Me, cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(field, text[e.MessageKey]);
            return Page();
        }
        return RedirectToPage(new { done = "host-iban" });
    }

    private Actor Me => Actor.Approver(access.UserId(User)!.Value);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Payable = await batches.PayableAsync(cancellationToken);
        Recent = await batches.RecentAsync(BatchesShown, cancellationToken);
    }
}
