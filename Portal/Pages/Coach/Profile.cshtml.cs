using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Coach;

/// <summary>
/// The coach's own profile (issue 10, point 5): what applicants see of them and what routing matches on — languages,
/// neighbourhoods, walk-in hours at named places, how the people they help reach them, a short introduction.
/// </summary>
[Authorize(Policy = Policies.Coach)]
public sealed class ProfileModel(PortalDbContext db, ApplicationAccess access, PortalText text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<CoachingOrganisation> Organisations { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool Exists { get; private set; }

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? CoachingOrganisationId { get; set; }
        public List<string> Languages { get; set; } = [];
        public List<string> Neighbourhoods { get; set; } = [];
        public CoachGender Gender { get; set; }
        public string? Phone { get; set; }
        public string? WhatsApp { get; set; }
        public string? Email { get; set; }
        public string? Introduction { get; set; }
        public List<WalkInInput> WalkIns { get; set; } = [];
    }

    public sealed class WalkInInput
    {
        public string? Place { get; set; }
        public string? Address { get; set; }
        public string? When { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        if (access.UserId(User) is not { } me) return NotFound();
        Saved = saved;
        await LoadAsync();
        if (await db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me) is { } profile)
        {
            Exists = true;
            Input = new InputModel
            {
                Name = profile.Name, CoachingOrganisationId = profile.CoachingOrganisationId, Languages = profile.Languages,
                Neighbourhoods = profile.Neighbourhoods, Gender = profile.Gender, Phone = profile.Phone, WhatsApp = profile.WhatsApp,
                Email = profile.Email, Introduction = profile.Introduction,
                WalkIns = profile.WalkIns.Select(w => new WalkInInput { Place = w.Place, Address = w.Address, When = w.When }).ToList(),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (access.UserId(User) is not { } me) return NotFound();
        await LoadAsync();
        var profile = await db.CoachProfiles.SingleOrDefaultAsync(p => p.UserId == me);
        Exists = profile is not null;
        if (profile is null && Organisations.All(o => o.Id != Input.CoachingOrganisationId))
            ModelState.AddModelError("Input.CoachingOrganisationId", text["Coach.Profile.Organisation.Required"]);
        foreach (var (field, value) in new[] { ("Input.Phone", Input.Phone), ("Input.WhatsApp", Input.WhatsApp) })
            if (!string.IsNullOrWhiteSpace(value))
                try { PhoneNumber.Normalise(value); }
                catch (DomainException refused) { ModelState.AddModelError(field, text[refused.MessageKey]); }
        if (!ModelState.IsValid) return Page();
        try
        {
            profile ??= db.CoachProfiles.Add(new CoachProfile(me, Input.Name ?? "", Input.CoachingOrganisationId!.Value)).Entity;
            profile.Describe(Input.Name ?? "", Input.Languages, Input.Neighbourhoods, Input.Gender, Input.Phone, Input.WhatsApp,
                Input.Email, Input.Introduction, Input.WalkIns.Take(CoachProfile.MaxWalkIns + 1).Select(w => new WalkInHours(w.Place ?? "", w.Address ?? "", w.When ?? "")));
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError(FieldOf(refused.MessageKey), text[refused.MessageKey]);
            return Page();
        }
        await db.SaveChangesAsync();
        return RedirectToPage(new { saved = true });
    }

    private async Task LoadAsync()
    {
        Organisations = await db.CoachingOrganisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        while (Input.WalkIns.Count < CoachProfile.MaxWalkIns) Input.WalkIns.Add(new WalkInInput());
    }

    private static string FieldOf(string key) => key switch
    {
        "Coaching.Profile.NameRequired" or "Coaching.Profile.NameTooLong" or UserText.NotOneLineKey => "Input.Name",
        "Coaching.Profile.LanguageRequired" or "Coaching.Request.Language" => "Input.Languages",
        "Coaching.Profile.Neighbourhood" => "Input.Neighbourhoods",
        "Coaching.Profile.IntroductionTooLong" => "Input.Introduction",
        "Coaching.Request.Email" => "Input.Email",
        _ when key.StartsWith("Coaching.Profile.WalkIn", StringComparison.Ordinal) || key == "Coaching.Profile.TooManyWalkIns" => "Input.WalkIns[0].Place",
        _ => "Input.Gender",
    };
}
