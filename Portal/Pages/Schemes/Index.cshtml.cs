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

    public async Task OnGetAsync() => Open = await SchemeCatalogue.OpenAsync(db, clock);
}
