using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;

namespace Portal.Pages.Organisations;

/// <summary>
/// Where the invitation link lands. Signed in only: someone without a session is sent to sign in and comes back here
/// (the sign-in page keeps the return address); someone without an account registers first and clicks the link again.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class JoinModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    private readonly Invitations invitations = new(db, clock);

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public Invitations.State State { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public bool AlreadyMember { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Guid.TryParse(users.GetUserId(User), out var userId)) return Challenge();
        await LoadAsync(userId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Guid.TryParse(users.GetUserId(User), out var userId)) return Challenge();
        await LoadAsync(userId);
        if (AlreadyMember) return RedirectToPage("/Organisation/Index", new { id = OrganisationId });
        if (State is not Invitations.State.Open) return Page();
        if (await invitations.AcceptAsync(Token!, userId) is { } joined) return RedirectToPage("/Organisation/Index", new { id = joined });
        // Used or expired between showing the page and clicking: show why.
        await LoadAsync(userId);
        return Page();
    }

    private async Task LoadAsync(Guid userId)
    {
        var (state, invitation) = await invitations.FindAsync(Token);
        State = state;
        if (invitation is null) return;
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Members).SingleAsync(o => o.Id == invitation.OrganisationId);
        OrganisationId = organisation.Id;
        AlreadyMember = organisation.IsMember(userId);
        // The name is shown only while the invitation can still be used, or to someone who already belongs to the group.
        if (state is Invitations.State.Open || AlreadyMember) OrganisationName = organisation.Name;
    }
}
