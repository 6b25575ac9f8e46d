using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure;

namespace Portal.Pages.Organisations;

/// <summary>
/// One question of the organisation profile on its own page, saved with a plain POST. Only members reach it (anyone
/// else gets 404). The version the user saw travels in a hidden field, so two people saving at once never overwrite
/// each other silently: the second sees a plain message, what is saved now, and keeps everything they typed.
/// </summary>
public abstract class OrganisationPageModel(ApplicationAccess access, PortalDbContext db, PortalText text) : PageModel
{
    protected PortalText Text => text;
    protected ApplicationAccess Access => access;

    public abstract Step Step { get; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The xmin of the row when the form was shown; bound as text so a forged value gives no binding error.</summary>
    [BindProperty] public string? Version { get; set; }

    /// <summary>This page's answer when the form was shown (see <see cref="AnswerKey"/>), for the one conflict rule.</summary>
    [BindProperty] public string? Original { get; set; }

    public Organisation Organisation { get; private set; } = null!;

    /// <summary>Someone else saved this organisation between showing and posting the form.</summary>
    public bool Conflict { get; private set; }

    public string OverviewUrl => OrganisationSteps.Overview(Url, Organisation.Id);

    /// <summary>Where "back" goes: where the user came from, or the summary.</summary>
    public string BackUrl => SafeReturnUrl ?? OverviewUrl;

    public string? SafeReturnUrl => Url.LocalOrNull(ReturnUrl);

    /// <summary>What is saved now for this page's question (shown after a conflict).</summary>
    public SummaryRow? SavedNow => OrganisationSteps.Summary(Organisation, text).FirstOrDefault(r => r.Step == Step);

    protected async Task<bool> LoadAsync(Guid id)
    {
        if (await Access.OrganisationAsync(User, id) is not { } organisation) return false;
        Organisation = organisation;
        if (!Request.HasFormContentType)
        {
            Version = organisation.Version.ToString(CultureInfo.InvariantCulture);
            Original = AnswerKey();
        }
        return true;
    }

    /// <summary>This page's answer as one comparable string: a change to another page of the profile is no conflict here.</summary>
    private string AnswerKey() => string.Join("\n", SavedNow?.Values ?? []);

    /// <summary>
    /// Applies the change and saves it against the version the user saw. A broken domain rule becomes an error on
    /// <paramref name="field"/>; a conflict reloads the organisation and shows the form again with the typed values.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(string field, Action<Organisation, Actor, DateTimeOffset> change)
    {
        var stored = AnswerKey();
        var by = await Access.ActorOnOrganisationAsync(User, Organisation.Id);
        var now = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            change(Organisation, by, now);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(field, text[e.MessageKey]);
            return Page();
        }
        var seen = new EditSeen(uint.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null,
            Original, [], null);
        if (EditConflicts.Decide(seen, Organisation.Version, stored, AnswerKey()) == EditDecision.Conflict)
            return await ConflictAsync();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync();
        }
        return LocalRedirect(OrganisationSteps.After(Url, Organisation, Step, SafeReturnUrl));
    }

    /// <summary>Someone else changed this answer: show what is saved now and keep the typed form; saving again keeps it.</summary>
    private async Task<IActionResult> ConflictAsync()
    {
        await db.Entry(Organisation).ReloadAsync();
        Conflict = true;
        Version = Organisation.Version.ToString(CultureInfo.InvariantCulture);
        Original = AnswerKey();
        return Page();
    }

    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
