using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Languages;
using Htmx;
using Portal.Infrastructure.Web;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ProfileModel(UserManager<PortalUser> users, UserSessions sessions, Portal.Dispatch.ElectronicContact electronicContact,
    PortalDbContext db, PortalText text) : PageModel
{
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    [BindProperty] public string PreferredLanguage { get; set; } = Languages.Default;
    public bool Saved { get; private set; }
    /// <summary>Where this account is signed in now, this browser included.</summary>
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public Guid? ThisSession { get; private set; }
    public bool EndedOthers { get; private set; }
    /// <summary>May decisions come by email (Wmebv)? Null when never answered (then they come by post).</summary>
    public bool? DecisionsByEmail { get; private set; }
    [BindProperty] public bool? ChosenDecisionsByEmail { get; set; }
    public bool DecisionsByEmailSaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool endedOthers = false)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        EndedOthers = endedOthers;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var chosen = Languages.IsOffered(PreferredLanguage) ? PreferredLanguage : user.PreferredLanguage;
        var changed = chosen != user.PreferredLanguage;
        user.PreferredLanguage = chosen;
        await users.UpdateAsync(user);
        LocalizationSetup.WriteCookie(Response, chosen);
        if (!Request.WantsFragment()) return RedirectToPage(new { saved = true });
        if (changed)
        {
            // The whole page must now speak the new language (and maybe change direction): reload it, not a fragment.
            Response.Htmx(h => h.Redirect(Url.Page("/Account/Profile", new { saved = true })!));
            return new EmptyResult();
        }
        await LoadAsync(user);
        Saved = true;
        return Partial("_ProfileLanguage", this);
    }

    /// <summary>
    /// The answer to "may decisions reach you by email?", changed or withdrawn: it counts for every message after it (one
    /// already on its way stays on its way). Each change is a new row of the history and an audit row.
    /// </summary>
    public async Task<IActionResult> OnPostDecisionsByEmailAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (ChosenDecisionsByEmail is not { } chosen)
        {
            ModelState.AddModelError(nameof(ChosenDecisionsByEmail), text["Dispatch.Ask.Required"]);
            await LoadAsync(user);
            return Page();
        }
        if (await electronicContact.ChangeInProfileAsync(user.Id, chosen)) await db.SaveChangesAsync();
        return RedirectToPage(null, null, new { decisionsByEmailSaved = true }, "decisions-by-email");
    }

    /// <summary>"Sign out everywhere else": every other browser of this account is signed out at once.</summary>
    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await sessions.EndOthersAsync(user.Id, User);
        return RedirectToPage(new { endedOthers = true });
    }

    private async Task LoadAsync(PortalUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        PreferredLanguage = user.PreferredLanguage;
        Saved = Request.Query.ContainsKey("saved");
        // The sessions and the answer on decisions by email in one round trip (the page budget is two).
        var id = user.Id;
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new
        {
            Sessions = db.UserSessions.Where(s => s.UserId == id && s.EndedAt == null).OrderByDescending(s => s.LastSeenAt).ToList(),
            DecisionsByEmail = db.ElectronicContactConsents.Where(c => c.UserId == id).OrderByDescending(c => c.RecordedAt)
                .ThenByDescending(c => c.Id).Select(c => (bool?)c.Consents).FirstOrDefault(),
        }).SingleAsync();
        Sessions = found.Sessions;
        ThisSession = UserSessions.SessionIdOf(User);
        DecisionsByEmail = found.DecisionsByEmail;
        DecisionsByEmailSaved = Request.Query.ContainsKey("decisionsByEmailSaved");
    }
}
