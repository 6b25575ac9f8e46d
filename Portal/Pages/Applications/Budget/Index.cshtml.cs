using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Htmx;
using Portal.Infrastructure.Web;
using Portal.Infrastructure.Localization;
using Money = Portal.Domain.Money.Money;
using Portal.Infrastructure;
using Portal.Domain.Access;

namespace Portal.Pages.Applications.Budget;

/// <summary>
/// The budget: cost rows, own contribution and other funding, and the amount requested checked against the scheme.
/// Every change is a plain POST (then a redirect) and, with htmx, returns the #budget fragment with new totals.
/// Amounts are integer cents; what the user typed comes back unchanged when it cannot be read.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock, PortalText text) : PageModel
{
    public const string SummaryTarget = "budget-summary";

    public sealed class CostInput
    {
        public string? Category { get; set; }
        public string? Description { get; set; }
        public string? Amount { get; set; }
    }

    public sealed class FundingInput
    {
        public string? OwnContribution { get; set; }
        public string? OtherFunding { get; set; }
    }

    [BindProperty] public CostInput Cost { get; set; } = new();
    [BindProperty] public FundingInput Funding { get; set; } = new();
    [BindProperty] public Guid? LineId { get; set; }
    /// <summary>A removed row ("Category|cents|description") to put back.</summary>
    [BindProperty] public string? Undo { get; set; }
    /// <summary>The application's row version (xmin) and the funding ("own|other" in cents) the funding form started from.</summary>
    [BindProperty] public uint? Version { get; set; }
    [BindProperty] public string? OriginalFunding { get; set; }
    [BindProperty] public string? Resolve { get; set; }
    [BindProperty] public uint? ConflictVersion { get; set; }
    /// <summary>What this tab's funding autosaves sent that had not been answered when this form was posted (site.js).</summary>
    [BindProperty] public List<string> OwnSave { get; set; } = [];

    /// <summary>After a redirect: what the last change was ("added", "removed", "saved"), and the removed row to offer back.</summary>
    [TempData] public string? Done { get; set; }
    [TempData] public string? Removed { get; set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public EditConflict? Conflict { get; private set; }
    public bool FocusCategory { get; private set; }
    /// <summary>What the htmx request just did (after a redirect, <see cref="Done"/> carries it instead).</summary>
    public string? LastChange { get; private set; }
    public string? RemovedRow { get; private set; }
    public string PagePath => Url.Page("/Applications/Budget/Index", new { id = Application.Id })!;
    /// <summary>
    /// Where "done" leads: the task list, or the page whose "change" link opened the budget (check your answers).
    /// Kept in TempData because the budget's own forms redirect back to this page.
    /// </summary>
    public string DoneUrl => TempData.Peek(ReturnKey) as string ?? Url.Page("/Applications/TaskList", new { id = Application.Id })!;
    private string ReturnKey => $"BudgetReturn:{Application.Id}";
    public bool IsReadOnly => !Application.IsEditable || !MayEdit;
    /// <summary>The user may change answers here: not a coach the members let in only to look and comment.</summary>
    public bool MayEdit { get; private set; } = true;

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, string? returnUrl)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Url.LocalOrNull(returnUrl) is { } back) TempData[ReturnKey] = back;
        else if (Done is null) TempData.Remove(ReturnKey);
        // Focus moves only after an action (a plain "add" comes back here through a redirect): a fresh page keeps it at the top.
        FocusCategory = Done == "added";
        FillFunding();
        return Page();
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var category = ReadCategory(Cost.Category);
        if (category is null) ModelState.AddModelError("Cost.Category", text["Budget.Category.Required"]);
        if (!TypedAnswers.TryParseMoney(Cost.Amount, emptyIsZero: false, out var amount, out var amountError))
            ModelState.AddModelError("Cost.Amount", text[amountError!]);
        return await ChangeAsync(id, "added", app => AddCost(app, category!.Value, Cost.Description, amount), clearCost: true);
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Application.BudgetLines.FirstOrDefault(l => l.Id == LineId) is { } line)
            Removed = $"{line.Category}|{line.AmountCents.ToString(CultureInfo.InvariantCulture)}|{line.Description}";
        return await ChangeAsync(id, "removed", app => app.RemoveCost(LineId ?? Guid.Empty, Me, clock.GetUtcNow()), clearCost: false);
    }

    /// <summary>Puts a removed row back (the "undo" after removing).</summary>
    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostUndoAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Undo?.Split('|', 3) is not [var c, var cents, var description] || ReadCategory(c) is not { } category
            || !long.TryParse(cents, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return await ChangeAsync(id, "", _ => { }, clearCost: false);
        return await ChangeAsync(id, "added", app => AddCost(app, category, description, new Money(amount)), clearCost: false);
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostFundingAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Resolve == "theirs")
        {
            if (!Request.WantsFragment()) return RedirectToPage(new { id = Application.Id });
            ModelState.Clear();
            FillFunding();
            return Fragment();
        }
        return await ChangeAsync(id, "saved", _ => { }, clearCost: false);
    }

    /// <summary>
    /// One change: the funding typed in the form (when posted and changed) and the row action, saved together.
    /// On an error nothing is saved and the page comes back with everything the user typed.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Guid id, string done, Action<Application> action, bool clearCost)
    {
        if (IsReadOnly) ModelState.AddModelError("", text["Application.NotDraft"]);
        var fundingPosted = Funding.OwnContribution is not null || Funding.OtherFunding is not null;
        Money own = default, other = default;
        if (fundingPosted)
        {
            if (!TypedAnswers.TryParseMoney(Funding.OwnContribution, emptyIsZero: true, out own, out var ownError))
                ModelState.AddModelError("Funding.OwnContribution", text[ownError!]);
            if (!TypedAnswers.TryParseMoney(Funding.OtherFunding, emptyIsZero: true, out other, out var otherError))
                ModelState.AddModelError("Funding.OtherFunding", text[otherError!]);
        }
        if (!ModelState.IsValid) return Invalid(fundingPosted);

        Me = await access.ActorOnApplicationAsync(User, id);
        for (var attempt = 1; ; attempt++)
        {
            var stored = FundingKey(Application.OwnContribution, Application.OtherFunding);
            var typed = FundingKey(own, other);
            var seen = new EditSeen(Version, OriginalFunding, OwnFunding(), Resolve == "mine" ? ConflictVersion : null);
            var decision = fundingPosted ? EditConflicts.Decide(seen, Application.Version, stored, typed) : EditDecision.Unchanged;
            var fundingChanged = decision == EditDecision.Save;
            if (decision == EditDecision.Conflict)
            {
                Conflict = new EditConflict(FundingText(Application.OwnContribution, Application.OtherFunding), FundingText(own, other), Application.Version);
                return Invalid(fundingPosted: true);
            }
            try
            {
                if (fundingChanged) Application.SetFunding(own, other, Me, clock.GetUtcNow());
                action(Application);
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(FieldFor(e.MessageKey), text[e.MessageKey]);
                return Invalid(fundingPosted);
            }
            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
                // Someone saved in between: read again and decide again (adding and removing rows never conflict).
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id)) return NotFound();
            }
        }

        if (!Request.WantsFragment())
        {
            Done = done;
            if (done != "removed") Removed = null;
            return RedirectToPage(new { id = Application.Id });
        }
        ModelState.Clear();
        FillFunding();
        if (clearCost) Cost = new CostInput();
        FocusCategory = done == "added";
        LastChange = done;
        RemovedRow = done == "removed" ? Removed : null;
        Done = null;
        Removed = null;
        return Fragment();
    }

    private void AddCost(Application application, CostCategory category, string? description, Money amount) =>
        application.AddCost(category, description, amount, Me, clock.GetUtcNow());

    /// <summary>Who makes the change, in the role their grants give (set once a change is asked for).</summary>
    private Actor Me { get; set; } = null!;

    private IActionResult Invalid(bool fundingPosted)
    {
        if (!fundingPosted) FillFunding();
        Removed = null;
        if (!Request.WantsFragment()) return Page();
        return Fragment();
    }

    /// <summary>htmx: the whole #budget, or only its summary when a funding field changed (its inputs keep what is being typed).</summary>
    private IActionResult Fragment()
    {
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx(out var htmx) && htmx?.Target == SummaryTarget ? Partial("_BudgetSummary", this) : Partial("_Budget", this);
    }

    private void FillFunding()
    {
        Funding = new FundingInput
        {
            OwnContribution = TypedAnswers.ForEditing(Application.OwnContribution),
            OtherFunding = TypedAnswers.ForEditing(Application.OtherFunding),
        };
        Version = Application.Version;
        OriginalFunding = FundingKey(Application.OwnContribution, Application.OtherFunding);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        MayEdit = (await access.OnApplicationAsync(User, id))?.Allows(Capability.EditAnswers) == true;
        Scheme = await access.SchemeOfAsync(application);
        return true;
    }

    private static CostCategory? ReadCategory(string? value) =>
        Enum.TryParse<CostCategory>(value, ignoreCase: false, out var category) && Enum.IsDefined(category) && !int.TryParse(value, out _)
            ? category : null;

    /// <summary>The funding this tab's unanswered autosaves saved, as keys.</summary>
    private List<string> OwnFunding()
    {
        var own = new List<string>();
        foreach (var field in EditConflicts.Fields(OwnSave))
            if (TypedAnswers.TryParseMoney(field("Funding.OwnContribution"), emptyIsZero: true, out var o, out _)
                && TypedAnswers.TryParseMoney(field("Funding.OtherFunding"), emptyIsZero: true, out var x, out _))
                own.Add(FundingKey(o, x));
        return own;
    }

    private static string FundingKey(Money own, Money other) =>
        string.Create(CultureInfo.InvariantCulture, $"{own.Cents}|{other.Cents}");

    private string FundingText(Money own, Money other) =>
        $"{text["Budget.OwnContribution"]}: {own.Format()}; {text["Budget.OtherFunding"]}: {other.Format()}";

    private static string FieldFor(string key) => key switch
    {
        "Budget.Amount.Positive" or Money.TooLargeKey => "Cost.Amount",
        "Answer.TooLong" => "Cost.Description",
        "Money.Negative" => "Funding.OwnContribution",
        _ => "",
    };

    public static string CategoryKey(CostCategory category) => $"Budget.Category.{category}";
}
