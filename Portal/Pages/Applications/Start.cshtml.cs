using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Applications;

/// <summary>
/// Starts an application for a scheme: needs a complete organisation profile; a second start of the same scheme
/// opens the draft that already exists instead of making another one.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class StartModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock, PortalText text) : PageModel
{
    public enum StartState { UnknownScheme, Closed, NoOrganisation, OrganisationIncomplete, Ready }

    [BindProperty(SupportsGet = true, Name = "scheme")] public string? Slug { get; set; }
    /// <summary>Only asked when the user belongs to more than one complete organisation.</summary>
    [BindProperty] public Guid? OrganisationId { get; set; }

    public StartState State { get; private set; }
    public Scheme? Scheme { get; private set; }
    public string SchemeName { get; private set; } = "";
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public string OrganisationUrl => Url.Page("/Organisation/Index", new { returnUrl = Url.Page("/Applications/Start", new { scheme = Slug }) })!;

    public async Task<IActionResult> OnGetAsync()
    {
        await EvaluateAsync();
        if (State == StartState.UnknownScheme) Response.StatusCode = StatusCodes.Status404NotFound;
        if (State == StartState.Ready && await ExistingDraftAsync() is { } draft) return RedirectToPage("/Applications/TaskList", new { id = draft });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await EvaluateAsync();
        if (State != StartState.Ready) return Page();
        var organisation = Organisations.FirstOrDefault(o => o.Id == OrganisationId) ?? Organisations[0];
        // One draft per scheme (the domain's rule): a double click or a second tab opens the draft that is already there.
        var drafts = await db.Applications
            .Where(a => a.OrganisationId == organisation.Id && a.SchemeId == Scheme!.Id && a.Status == ApplicationStatus.Draft)
            .ToListAsync();
        Application application;
        try
        {
            application = Application.Start(organisation, Scheme!, drafts, LocalizationSetup.Current.Code,
                Actors.Applicant(access.UserId(User)!.Value), clock.GetUtcNow());
        }
        catch (DomainException)
        {
            // Closed or the profile changed since the page was shown: show why.
            await EvaluateAsync();
            return Page();
        }
        if (!drafts.Contains(application))
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        }
        return RedirectToPage("/Applications/TaskList", new { id = application.Id });
    }

    private async Task EvaluateAsync()
    {
        Scheme = string.IsNullOrEmpty(Slug) ? null : await db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == Slug);
        if (Scheme is null)
        {
            State = StartState.UnknownScheme;
            return;
        }
        SchemeName = ApplicationDisplay.SchemeName(text, Scheme.Slug);
        if (!Scheme.IsOpenOn(DateOnly.FromDateTime(ApplicationTime.Local(clock.GetUtcNow()).DateTime)))
        {
            State = StartState.Closed;
            return;
        }
        var organisations = await access.OrganisationsOfAsync(User);
        Organisations = organisations.Where(o => o.IsComplete).ToList();
        State = organisations.Count == 0 ? StartState.NoOrganisation
            : Organisations.Count == 0 ? StartState.OrganisationIncomplete
            : StartState.Ready;
    }

    private async Task<Guid?> ExistingDraftAsync()
    {
        var mine = Organisations.Select(o => o.Id).ToList();
        return await db.Applications
            .Where(a => a.SchemeId == Scheme!.Id && a.Status == ApplicationStatus.Draft && mine.Contains(a.OrganisationId))
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync();
    }
}
