using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Review;

namespace Portal.Pages.Review;

/// <summary>
/// The team lead's view of conflict-of-interest declarations (Awb 2:4): who declared what on which application, conflicts
/// first to look at. The lead is an administrator (Admin role, second factor): docs/decisions/0014.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DeclarationsModel(ReviewDesk desk) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool All { get; set; }

    public IReadOnlyList<ReviewDesk.DeclarationLine> Lines { get; private set; } = [];

    public async Task OnGetAsync() => Lines = await desk.DeclarationsAsync(conflictsOnly: !All);
}
