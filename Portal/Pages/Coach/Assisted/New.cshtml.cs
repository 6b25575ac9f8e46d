using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Assisted;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Coach.Assisted;

/// <summary>
/// Starts helping someone who is not online: who they are, their group, the scheme, and how they agreed. One form, as
/// the coach fills it in sitting with the person or after a phone call; every refusal keeps what was typed.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(AssistedApplications assisted, PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock,
    PortalText text) : AssistedPageModel
{
    [BindProperty] public StartInput Input { get; set; } = new();

    /// <summary>The id the new organisation gets, chosen when the form is shown, so a double post makes one, not two.</summary>
    [BindProperty] public string? NewId { get; set; }

    public IReadOnlyList<(int Id, string Slug)> Schemes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        NewId = Guid.NewGuid().ToString();
        await LoadSchemesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadSchemesAsync();
        if (!Guid.TryParse(NewId, out var organisationId) || organisationId == Guid.Empty)
        {
            organisationId = Guid.NewGuid();
            NewId = organisationId.ToString();
            ModelState.Remove(nameof(NewId));
        }
        var consentDay = Input.ReadConsentDate(out var refusal);
        foreach (var (field, key) in Input.Errors(refusal)) ModelState.AddModelError($"{nameof(Input)}.{field}", text[key]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var id = await assisted.StartAsync(new StartRequest(organisationId, Guid.Parse(users.GetUserId(User)!), Input.CoachName!,
                Input.PersonName!, Input.PersonLanguage!, Input.PersonEmail, Input.OrganisationName!, Input.Kind!.Value, Input.Neighbourhood!,
                Input.SchemeId!.Value, Input.Consent!.Value, consentDay!.Value));
            return RedirectToPage("/Coach/Assisted/Details", new { id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError($"{nameof(Input)}.{FieldOf(e.MessageKey)}", text[e.MessageKey]);
            return Page();
        }
    }

    private static string FieldOf(string key) => key switch
    {
        _ when key.StartsWith("Assisted.Consent", StringComparison.Ordinal) => "ConsentDay.Day",
        _ when key.StartsWith("Assisted.PersonEmail", StringComparison.Ordinal) => nameof(StartInput.PersonEmail),
        _ when key.StartsWith("Assisted.CoachName", StringComparison.Ordinal) => nameof(StartInput.CoachName),
        _ when key.StartsWith("Organisation.Neighbourhood", StringComparison.Ordinal) => nameof(StartInput.Neighbourhood),
        _ when key.StartsWith("Application.Start", StringComparison.Ordinal) => nameof(StartInput.SchemeId),
        _ when key.StartsWith("Organisation", StringComparison.Ordinal) => nameof(StartInput.OrganisationName),
        _ => nameof(StartInput.PersonName),
    };

    private async Task LoadSchemesAsync()
    {
        var today = NijmegenTime.DayOf(clock.GetUtcNow());
        Schemes = (await db.Schemes.AsNoTracking().Where(s => s.ClosesOn >= today).OrderBy(s => s.Id).Select(s => new { s.Id, s.Slug }).ToListAsync())
            .Select(s => (s.Id, s.Slug)).ToList();
    }

    public sealed class StartInput
    {
        public string? CoachName { get; set; }
        public string? PersonName { get; set; }
        public string? PersonLanguage { get; set; }
        public string? PersonEmail { get; set; }
        public string? OrganisationName { get; set; }
        public OrganisationKind? Kind { get; set; }
        public string? Neighbourhood { get; set; }
        public int? SchemeId { get; set; }
        public ConsentMethod? Consent { get; set; }
        public TypedDate ConsentDay { get; set; } = new();

        public DateOnly? ReadConsentDate(out DateRefusal? refusal)
        {
            refusal = ConsentDay.TryRead(out var date);
            return date;
        }

        /// <summary>The fields left empty or unreadable, each with its message, in the order of the form.</summary>
        public IEnumerable<(string Field, string Key)> Errors(DateRefusal? dateRefusal)
        {
            if (string.IsNullOrWhiteSpace(CoachName)) yield return (nameof(CoachName), "Assisted.CoachName.Required");
            if (string.IsNullOrWhiteSpace(PersonName)) yield return (nameof(PersonName), "Assisted.PersonName.Required");
            if (!Domain.Languages.Languages.IsOffered(PersonLanguage)) yield return (nameof(PersonLanguage), "Assisted.Language.Unknown");
            if (string.IsNullOrWhiteSpace(OrganisationName)) yield return (nameof(OrganisationName), "Organisation.Name.Required");
            if (Kind is null) yield return (nameof(Kind), "Assisted.Kind.Required");
            if (!Domain.Organisations.Neighbourhoods.IsKnown(Neighbourhood)) yield return (nameof(Neighbourhood), "Assisted.Neighbourhood.Required");
            if (SchemeId is null) yield return (nameof(SchemeId), "Assisted.Scheme.Required");
            if (Consent is null) yield return (nameof(Consent), "Assisted.Consent.Required");
            if (ConsentDay.IsEmpty) yield return ("ConsentDay.Day", "Assisted.Consent.DateRequired");
            else if (dateRefusal is { } refusal) yield return ($"ConsentDay.{(refusal.Part == DatePart.Whole ? DatePart.Day : refusal.Part)}", refusal.Key);
        }
    }
}
