using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Coaching;
using Portal.Domain.Coaching;

namespace Portal.Pages.Coach;

/// <summary>
/// The coach's dashboard (issue 10, point 3): the open requests they may see — overdue first, then the oldest, with their
/// age in working days — filtered by language, neighbourhood, channel and interpreter. A plain GET form: the filters are
/// in the address, so a coach can bookmark "Arabic, Dukenburg".
/// </summary>
[Authorize(Policy = Policies.Coach)]
public sealed class IndexModel(CoachDesk desk, ApplicationAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Neighbourhood { get; set; }
    [BindProperty(SupportsGet = true)] public HelpChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public bool Interpreter { get; set; }
    /// <summary>Back from handing a request over: the list says so.</summary>
    [BindProperty(SupportsGet = true)] public bool HandedOver { get; set; }

    public IReadOnlyList<CoachDesk.Row> Rows { get; private set; } = [];
    public CoachProfile? Profile { get; private set; }
    public Guid Me { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.UserId(User) is not { } me) return NotFound();
        Me = me;
        Profile = await desk.ProfileAsync(me);
        Rows = await desk.OpenAsync(me, new CoachDesk.Filter(Language, Neighbourhood, Channel, Interpreter));
        return Page();
    }
}
