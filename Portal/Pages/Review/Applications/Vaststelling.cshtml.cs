using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;
using Portal.Settlement;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// The vaststelling of a verlening (issue 12, point 6): the reviewer reads the group's report and sets the final amount —
/// the verlening's by default, lower only on a ground of art. 4:46(2) Awb with a written reason, never higher (the domain
/// refuses those, also when posted directly). Once made, the page shows it.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Portal.Review.DeclaredNoConflict]
public sealed class VaststellingModel(ApplicationAccess access, ActivityReports reports, Settlements settlements, PortalText text,
    TimeProvider clock, PortalDbContext db) : PageModel
{
    public sealed class InputModel
    {
        public string? Amount { get; set; }
        public string? Ground { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public ActivityReports.Standing? Standing { get; private set; }
    public bool ActivityEnded { get; private set; }

    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Standing is { Verlening.Amount: { } amount }) Input.Amount = amount.Format();
        return Page();
    }

    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Standing is not { Vaststelling: null } standing) return RedirectToPage(new { id });
        if (!MoneyParser.TryParse(PortalDigits(Input.Amount), out var amount, out var error))
        {
            ModelState.AddModelError("Input.Amount", text[error!]);
            return Page();
        }
        SettlementGround? ground = Enum.TryParse<SettlementGround>(Input.Ground, out var g) && Enum.IsDefined(g) ? g : null;
        try
        {
            await settlements.SettleAsync(Application, standing.Verlening, amount, ground, Input.Reason, Actor.Reviewer(access.UserId(User)!.Value));
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            if (e.MessageKey == "Vaststelling.AlreadySettled") return RedirectToPage(new { id });
            var field = e.MessageKey switch
            {
                "Vaststelling.AboveVerlening" or "Money.Negative" => "Input.Amount",
                "Vaststelling.Ground.Required" => "Input.Ground",
                "Vaststelling.Reason.Required" or "Answer.TooLong" => "Input.Reason",
                _ => "",
            };
            ModelState.AddModelError(field, text[e.MessageKey]);
            if (!await LoadAsync(id)) return NotFound();
            return Page();
        }
        return RedirectToPage("/Review/Vaststellingen", new { done = "settled" });
    }

    /// <summary>The report's photo, as a download (never shown inline: it is a stranger's file).</summary>
    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnGetPhotoAsync(Guid id)
    {
        if (!await LoadAsync(id) || Standing?.Report is not { } report) return NotFound();
        if (await reports.PhotoAsync(report.Id) is not { } photo) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(photo.Content, photo.ContentType, photo.FileName);
    }

    private static string PortalDigits(string? value) => Portal.Pages.Applications.Report.IndexModel.AsciiDigits(value ?? "");

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id, Capability.Assess) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        Standing = await reports.StandingAsync(id);
        ActivityEnded = Standing?.Verlening.ActivityEndsOn is { } end && Domain.Terms.NijmegenTime.DayOf(clock.GetUtcNow()) >= end;
        return true;
    }
}
