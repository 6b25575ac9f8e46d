using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain.Schemes;

namespace Portal.Pages.Schemes;

/// <summary>The catalogue: every open scheme in plain words. No account needed to read it (journey A.1).</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Scheme> Open { get; private set; } = [];
    /// <summary>The open schemes whose budget is spent (art. 4:25 Awb): the card says so.</summary>
    public IReadOnlySet<int> Spent { get; private set; } = new HashSet<int>();

    public async Task OnGetAsync()
    {
        var open = await SchemeCatalogue.OpenWithBudgetAsync(db, clock);
        Open = open.Select(s => s.Scheme).ToList();
        Spent = open.Where(s => s.BudgetSpent).Select(s => s.Scheme.Id).ToHashSet();
    }
}
