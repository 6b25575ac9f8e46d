using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Applications.Coaches;

/// <summary>What the members type to let a coach in: the address of the coach's account and how far the consent goes.</summary>
public sealed class GrantInput
{
    public string? Email { get; set; }
    /// <summary>"CoachView" (look and comment) or "CoachEdit" (look, comment and fill in).</summary>
    public string? Kind { get; set; }
}

/// <summary>
/// "Wie helpt mee": the members see which coaches have access to this application and since when, let a coach in (by the
/// email address of the coach's account), and take access away at any moment; below, what coaches did. Only members come
/// here (GrantCoachAccess): a coach does not manage their own consent.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ApplicationAccess access, CoachConsent consent, CoachHistory history, PortalText text) : PageModel
{
    [BindProperty] public GrantInput Input { get; set; } = new();
    [BindProperty] public Guid? GrantId { get; set; }
    /// <summary>What just happened, for the confirmation after the redirect ("granted", "revoked").</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public IReadOnlyList<CoachConsent.ActiveCoach> Coaches { get; private set; } = [];
    public IReadOnlyList<CoachHistory.Line> History { get; private set; } = [];

    /// <summary>The group's fixed coach when they have no access yet: let in with one click (their address filled in).</summary>
    public (string Name, string Email)? FixedCoach { get; private set; }

    [Needs(Capability.GrantCoachAccess)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.Kind = nameof(GrantKind.CoachView);
        return Page();
    }

    [Needs(Capability.GrantCoachAccess)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var kind = Input.Kind switch
        {
            nameof(GrantKind.CoachView) => GrantKind.CoachView,
            nameof(GrantKind.CoachEdit) => GrantKind.CoachEdit,
            _ => (GrantKind?)null,
        };
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", text["Consent.Email.Required"]);
        if (kind is null) ModelState.AddModelError("Input.Kind", text["Consent.Kind.Required"]);
        if (!ModelState.IsValid) return Page();

        // Unknown address and an account that is not a coach's get the same answer: this page finds coaches, not people.
        if (await consent.CoachByEmailAsync(Input.Email) is not { } coachId)
        {
            ModelState.AddModelError("Input.Email", text["Consent.Grant.NotACoach"]);
            return Page();
        }
        var actor = await access.ActorOnApplicationAsync(User, id);
        // A member who is a coach too sees their own application already: letting themselves in would mean nothing.
        if (coachId == actor.UserId)
        {
            ModelState.AddModelError("Input.Email", text["Consent.Grant.Self"]);
            return Page();
        }
        try
        {
            await consent.GrantAsync(id, coachId, kind!.Value, actor);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("Input.Email", text[e.MessageKey]);
            return Page();
        }
        return RedirectToPage(new { id, done = "granted" });
    }

    [Needs(Capability.GrantCoachAccess)]
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // Revoked twice (two tabs) or unknown: the list shows how it stands now either way.
        if (GrantId is { } grantId) await consent.RevokeAsync(id, grantId, await access.ActorOnApplicationAsync(User, id));
        return RedirectToPage(new { id, done = "revoked" });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id, Capability.GrantCoachAccess) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Coaches = await consent.ActiveAsync(id);
        History = await history.OfAsync(id);
        var organisation = await access.ApplicantOfAsync(application);
        FixedCoach = Coaches.Any(c => c.CoachId == organisation.FixedCoachId) ? null : await consent.FixedCoachAsync(organisation.FixedCoachId);
        return true;
    }

    /// <summary>A moment as the members read it: "3 maart 2026 om 14:05", in Nijmegen's time and the page's language.</summary>
    public string When(DateTimeOffset moment)
    {
        var local = ApplicationTime.Local(moment);
        return text["Consent.When", Bidi.Isolate(local.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)),
            Bidi.LeftToRight(local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>One line of the history in plain words.</summary>
    public string Describe(CoachHistory.Line line)
    {
        // Addresses are Latin in an Arabic sentence: isolated, so they do not pull the words around them out of order.
        var who = line.ByCoach ? text["Consent.History.Coach", Bidi.Isolate(line.Who)].Value : Bidi.Isolate(line.Who);
        var part = text[CoachHistory.PartKey(line.About)].Value;
        var kind = line.GrantKind is { } k ? text["Consent.Kind." + k].Value : "";
        return line.Kind switch
        {
            CoachAccessGranted.Name => text["Consent.History.Granted", who, Bidi.Isolate(line.CoachEmail ?? ""), kind],
            CoachAccessRevoked.Name => text["Consent.History.Revoked", who, Bidi.Isolate(line.CoachEmail ?? "")],
            CoachViewedApplication.Name => text["Consent.History.Viewed", who],
            Domain.Comments.CommentAdded.Name => text["Consent.History.Commented", who, part],
            Domain.Comments.CommentReplied.Name => text["Consent.History.Replied", who, part],
            Domain.Comments.CommentDone.Name => text["Consent.History.CommentDone", who, part],
            Domain.Comments.AnswerSummaryWritten.Name => text["Consent.History.Summarised", who, part],
            _ => text["Consent.History.Changed", who, part],
        };
    }
}
