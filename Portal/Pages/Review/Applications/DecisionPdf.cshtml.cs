using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Decisions;
using Portal.Pages.Applications;
using Portal.Review;

namespace Portal.Pages.Review.Applications;

/// <summary>The decision letter as a PDF for staff (to post it): the same document the group downloads.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DecisionPdfModel(ApplicationAccess access, ReviewerGate gate, PortalDbContext db, DecisionDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int? number)
    {
        var (application, instead) = await StaffDecisionAccess.OpenAsync(access, gate, User, id);
        if (application is null) return instead!;
        if (await DecisionFiles.ChooseAsync(db, id, number) is not { } decision) return NotFound();
        var pdf = await documents.PdfAsync(decision.Id);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", DecisionFiles.Name(application.Reference, decision.Number));
    }
}
