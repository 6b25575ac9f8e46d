using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Schemes;

/// <summary>One scheme in plain words: purpose, amounts, who may apply, what is needed at which amount, criteria, timing.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PortalDbContext db, TimeProvider clock, PortalText text) : PageModel
{
    public Scheme Scheme { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    /// <summary>The budget is spent (art. 4:25 Awb): the page says so and points elsewhere.</summary>
    public bool BudgetSpent { get; private set; }
    public int QuestionCount { get; private set; }
    /// <summary>What the scheme asks for just above the small-amount threshold (proportionality).</summary>
    public IReadOnlyList<DocumentKind> DocumentsAbove { get; private set; } = [];
    public IReadOnlyList<string> Criteria { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await SchemeCatalogue.FindWithBudgetAsync(db, slug) is not (var scheme, var budgetSpent)) return NotFound();
        Scheme = scheme;
        IsOpen = scheme.IsOpenOn(SchemeCatalogue.Today(clock));
        QuestionCount = DemoSchemes.QuickCheckFor(slug).Count;
        DocumentsAbove = scheme.RequiredDocuments(new Domain.Money.Money(scheme.NoDocumentsUpToCents + 1));
        Criteria = SchemeCatalogue.Criteria(text, slug);
        BudgetSpent = IsOpen && budgetSpent;
        return Page();
    }
}
