using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>
/// The organisation profile at a glance: a start page for someone without one, else every answer with a link to
/// change it, whether it is complete, and who can apply for the group.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ApplicationAccess access, PortalDbContext db, TimeProvider clock, PortalText text) : PageModel
{

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Organisation? Organisation { get; private set; }
    public IReadOnlyList<Organisation> Others { get; private set; } = [];
    public IReadOnlyList<SummaryRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string Email, bool IsMe)> Members { get; private set; } = [];
    public IReadOnlyList<OrganisationInvitation> OpenInvitations { get; private set; } = [];

    public string? SafeReturnUrl => Url.LocalOrNull(ReturnUrl);

    /// <summary>Where a "change" link comes back to: this summary, still knowing where the user came from.</summary>
    public string Here => OrganisationSteps.Overview(Url, Organisation!.Id, SafeReturnUrl);

    public string NewUrl => Url.Page("/Organisation/New", new { returnUrl = SafeReturnUrl })!;

    public string ChangeUrl(Step step) => OrganisationSteps.PathOf(Url, Organisation!.Id, step, Here);

    /// <summary>The answers still needed before the profile can be used for an application.</summary>
    public IEnumerable<SummaryRow> Missing => Rows.Where(r => !r.Answered && r.Step is Step.Neighbourhood or Step.Payment);

    /// <summary>Whether this user may change the answers (a member), or only look (a coach, municipal staff).</summary>
    public bool CanEdit { get; private set; }
    public bool CanInvite { get; private set; }

    [Needs(Capability.ViewOrganisation)]
    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        // Without an id: the user's first organisation (one lookup more), or the start page when they have none.
        if (id is null && await access.OrganisationsOfAsync(User) is [var first, ..]) id = first.Id;
        if (id is null) return Page();
        Organisation = await access.OrganisationAsync(User, id.Value);
        if (Organisation is null) return NotFound();

        var grants = await access.OnOrganisationAsync(User, Organisation.Id);
        CanEdit = grants?.Allows(Capability.EditOrganisation) == true;
        CanInvite = grants?.Allows(Capability.InviteMembers) == true;
        Rows = OrganisationSteps.Summary(Organisation, text);
        var me = access.UserId(User);
        var now = clock.GetUtcNow();
        // What the page shows besides the profile, in one round trip: the members' addresses, the open invitations,
        // and the user's other organisations.
        var shown = await db.Organisations.AsNoTracking().Where(o => o.Id == Organisation.Id)
            .Select(o => new
            {
                Members = db.Users.Where(u => o.Members.Any(m => m.UserId == u.Id)).OrderBy(u => u.Email)
                    .Select(u => new { u.Id, u.Email }).ToList(),
                Invitations = db.OrganisationInvitations
                    .Where(i => i.OrganisationId == o.Id && i.AcceptedAt == null && i.ExpiresAt > now)
                    .OrderBy(i => i.CreatedAt).ToList(),
                Others = db.Organisations.Where(x => x.Id != o.Id && x.Members.Any(m => m.UserId == me))
                    .OrderBy(x => x.CreatedAt).ToList(),
            })
            .SingleAsync();
        Members = shown.Members.Select(u => (u.Email ?? "", u.Id == me)).ToList();
        Others = shown.Others;
        if (CanInvite) OpenInvitations = shown.Invitations;
        return Page();
    }
}
