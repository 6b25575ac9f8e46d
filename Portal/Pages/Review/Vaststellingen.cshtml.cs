using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Settlement;

namespace Portal.Pages.Review;

/// <summary>The vaststelling task: verleningen whose activity has ended, the first due first, with whether the report is in.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class VaststellingenModel(Settlements settlements, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Settlements.Waiting> Waiting { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        Today = Domain.Terms.NijmegenTime.DayOf(clock.GetUtcNow());
        Waiting = await settlements.WaitingAsync();
    }
}
