using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure;

namespace Portal.Pages.Organisations;

/// <summary>Creates the organisation on the first save; the person who creates it becomes its first member.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, PortalText text)
    : PageModel, INameAndKindPage
{
    [BindProperty] public NameInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>
    /// The id the new organisation will get, chosen when the form is shown: a double click or a resubmitted form then
    /// finds the organisation the first post created instead of making a second one.
    /// </summary>
    [BindProperty] public string? NewId { get; set; }

    private Guid id;

    private string? SafeReturnUrl => Url.LocalOrNull(ReturnUrl);

    public void OnGet() => NewId = Guid.NewGuid().ToString();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Guid.TryParse(users.GetUserId(User), out var userId)) return Challenge();
        if (!Guid.TryParse(NewId, out id) || id == Guid.Empty)
        {
            id = Guid.NewGuid();
            NewId = id.ToString();
            ModelState.Remove(nameof(NewId));
        }
        if (await AlreadyCreatedAsync(userId) is { } done) return done;

        foreach (var (field, key) in Input.Errors()) ModelState.AddModelError(field, text[key]);
        if (!ModelState.IsValid) return Page();

        Organisation organisation;
        try
        {
            organisation = new Organisation(Input.Name!, Input.ParsedKind!.Value, Actors.Applicant(userId), clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Input.Name", text[e.MessageKey]);
            return Page();
        }
        organisation.UseId(id);
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same form was posted twice at the same moment: the other post created it.
            db.ChangeTracker.Clear();
            if (await AlreadyCreatedAsync(userId) is { } created) return created;
            throw;
        }
        return LocalRedirect(OrganisationSteps.After(Url, organisation, Step.Name, SafeReturnUrl));
    }

    private async Task<IActionResult?> AlreadyCreatedAsync(Guid userId)
    {
        var existing = await db.Organisations.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == id);
        if (existing is null) return null;
        // Someone else's id in the form: not found, like every other organisation the user is not a member of.
        if (!existing.IsMember(userId)) return NotFound();
        return LocalRedirect(OrganisationSteps.After(Url, existing, Step.Name, SafeReturnUrl));
    }
}
