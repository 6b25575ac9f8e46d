using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Schemes;
using Portal.Review;

namespace Portal.Pages.Review;

/// <summary>
/// The reviewers' inbox (issue 11, point 1): submitted applications, overdue first, with the legal and service-target
/// dates and how many working days are left. A plain GET form: the filters are in the address. "Next page" carries the
/// last row's legal date and reference (keyset), so a deep page costs what the first one does.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class IndexModel(ReviewInbox inbox, ApplicationAccess access, PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Scheme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ReviewInbox.Assignment Assigned { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public bool FirstTime { get; set; }
    [BindProperty(SupportsGet = true)] public bool Coached { get; set; }
    [BindProperty(SupportsGet = true)] public bool New { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    /// <summary>Back from declaring a conflict of interest: the list says what happened.</summary>
    [BindProperty(SupportsGet = true)] public bool Conflict { get; set; }

    public ReviewInbox.Page Result { get; private set; } = new([], null);
    public IReadOnlyList<Scheme> Schemes { get; private set; } = [];
    public Guid Me { get; private set; }
    public DateTimeOffset? NewSince { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (access.UserId(User) is not { } me) return NotFound();
        Me = me;
        var settings = await inbox.SettingsAsync(me);
        // Only a plain visit counts as "looking": applying a filter or paging must not move "new since I last looked".
        if (Request.Query.Count == 0)
        {
            settings.OpenedInbox(clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync();
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // A second tab opened the inbox at the same moment and stored the look first: that one counts.
                db.ChangeTracker.Clear();
                settings = await inbox.SettingsAsync(me);
            }
        }
        NewSince = settings.InboxOpenedBefore;
        if (Search is { Length: > 100 }) Search = Search[..100];
        Schemes = await inbox.SchemesAsync();
        Result = await inbox.PageAsync(me, new ReviewInbox.Filter(Scheme, Status, Assigned, District, FirstTime, Coached, New, Search),
            ReviewInbox.Cursor.Parse(After), NewSince);
        return Page();
    }

    /// <summary>The address of the next page: the same filters, after the last row shown.</summary>
    public string NextPageUrl(ReviewInbox.Cursor next) => Url.Page("/Review/Index", new
    {
        Scheme, Status, Assigned = Assigned == ReviewInbox.Assignment.Anyone ? null : (ReviewInbox.Assignment?)Assigned, District,
        FirstTime = FirstTime ? true : (bool?)null, Coached = Coached ? true : (bool?)null, New = New ? true : (bool?)null,
        Search, After = next.ToString(),
    })!;
}
