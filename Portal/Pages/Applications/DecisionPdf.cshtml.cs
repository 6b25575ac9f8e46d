using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Decisions;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>
/// The decision letter as a PDF for the group: the standing decision, or a version by its number (?number=2). A sent
/// decision's PDF is the one kept on file (<see cref="DecisionDocuments"/>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DecisionPdfModel(ApplicationAccess access, PortalDbContext db, DecisionDocuments documents) : PageModel
{
    [Needs(Capability.ReadDecision)]
    public async Task<IActionResult> OnGetAsync(Guid id, int? number)
    {
        if (await access.ApplicationAsync(User, id, Capability.ReadDecision) is not { } application) return NotFound();
        var decision = await DecisionFiles.ChooseAsync(db, id, number);
        if (decision is null)
            return await db.Decisions.AnyAsync(d => d.ApplicationId == id) ? NotFound() : RedirectToPage("/Applications/Status", new { id });
        var language = decision.SentAt is null
            ? DecisionLetters.SummaryLanguage(application.AnswerLanguage, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            : null;
        var pdf = await documents.PdfAsync(decision.Id, language);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", DecisionFiles.Name(application.Reference, decision.Number));
    }
}

/// <summary>Which decision a download means, and the file's name: shared by the group's and the staff's download.</summary>
public static class DecisionFiles
{
    /// <summary>The version with that number; without one, the decision that stands, or else the latest.</summary>
    public static async Task<Domain.Decisions.Decision?> ChooseAsync(PortalDbContext db, Guid applicationId, int? number)
    {
        var versions = await db.Decisions.AsNoTracking().Where(d => d.ApplicationId == applicationId).OrderBy(d => d.Number).ToListAsync();
        return number is { } wanted ? versions.FirstOrDefault(d => d.Number == wanted) : versions.LastOrDefault(d => d.Stands) ?? versions.LastOrDefault();
    }

    public static string Name(string? reference, int number) => $"besluit-{reference ?? "aanvraag"}-{number}.pdf";
}
