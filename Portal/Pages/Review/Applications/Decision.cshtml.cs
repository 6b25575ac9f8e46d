using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Decisions;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Pages.Applications;
using Portal.Review;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// The decision letter for staff (issue 12, point 2): printable on A4 for a letter that goes by post, with whether and when
/// it was sent and opened. Reviewers (after declaring no conflict, like every full view) and approvers.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DecisionModel(ApplicationAccess access, ReviewerGate gate, PortalDbContext db, DecisionLetters letters,
    DecisionDocuments documents) : PageModel
{
    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public Domain.Decisions.Decision? Shown { get; private set; }
    public DecisionLetter? Letter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? number)
    {
        var (application, result) = await StaffDecisionAccess.OpenAsync(access, gate, User, id);
        if (application is null) return result!;
        (Id, Reference) = (id, application.Reference ?? "");
        Shown = await DecisionFiles.ChooseAsync(db, id, number);
        if (Shown is null) return number is null ? Page() : NotFound();
        var source = await letters.SourceAsync(Shown);
        Letter = letters.Write(source, await documents.DefaultSummaryLanguageAsync(source));
        return Page();
    }
}

/// <summary>Who on the staff may print or download a decision letter: an approver, or a reviewer who declared no conflict.</summary>
public static class StaffDecisionAccess
{
    /// <returns>The application, or the result to answer instead (404, or the summary page to declare first).</returns>
    public static async Task<(Application? Application, IActionResult? Instead)> OpenAsync(ApplicationAccess access, ReviewerGate gate,
        System.Security.Claims.ClaimsPrincipal user, Guid id)
    {
        if (await access.ApplicationAsync(user, id, Capability.Approve) is { SubmittedAt: not null } approvable) return (approvable, null);
        if (await gate.OpenAsync(user, id) is not { } opened) return (null, new NotFoundResult());
        if (!opened.MaySeeAll) return (null, new RedirectResult($"/review/applications/{id}"));
        return (opened.Application, null);
    }
}
