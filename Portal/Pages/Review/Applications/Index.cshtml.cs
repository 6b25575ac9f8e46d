using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Assisted;
using Portal.Domain.Comments;
using Portal.Domain.Common;
using Portal.Domain.Terms;
using Portal.Infrastructure.Localization;
using Portal.Review;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// The reviewer's view of one application (issue 11, points 3 and 4). First a short summary (organisation, scheme,
/// amount) and the declaration on a conflict of interest (Awb 2:4); once the reviewer declared none, the whole application:
/// every answer in its language with the coach's Dutch summary beside it, the budget, attachments, the coaching history,
/// who sent it in. Each opening of the full application is audited. Declaring a conflict bars the reviewer from the
/// application on every page and hands it on. Taking it, or handing it over with a note, happen here too.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class IndexModel(ReviewerGate gate, ReviewDesk desk, CoachHistory coaching, QuestionComments comments, PortalDbContext db,
    PortalText text, TimeProvider clock) : PageModel
{
    [BindProperty] public bool? HasConflict { get; set; }
    [BindProperty] public string? Explanation { get; set; }
    [BindProperty] public Guid? ToReviewer { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public ReviewerGate.Opened Opened { get; private set; } = default!;
    public DecisionTerm Term { get; private set; } = default!;
    public string OrganisationName { get; private set; } = "";
    public AssistedApplication? Assisted { get; private set; }
    public IReadOnlyList<CoachHistory.Line> Coaching { get; private set; } = [];
    public IReadOnlyList<QuestionComments.Shown> Comments { get; private set; } = [];
    public IReadOnlyList<ReviewDesk.Reviewer> Colleagues { get; private set; } = [];
    public string? AssignedEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (Done is not (null or "Declared" or "Assigned" or "HandedOver")) Done = null;
        if (!await LoadAsync(id)) return NotFound();
        if (Opened.MaySeeAll)
        {
            await desk.ViewedAsync(Opened.Case, Opened.Actor);
            await LoadDetailsAsync(id);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (HasConflict is not { } conflict)
            return Refused(nameof(HasConflict), "Review.Declaration.Choose");
        if (conflict && ToReviewer is { } to && to == Opened.Me) return Refused(nameof(ToReviewer), "Review.HandOver.Self");
        if (await desk.DeclareAsync(Opened.Case, conflict, Explanation, Opened.Actor) is { } refused)
            return Refused(conflict ? nameof(Explanation) : nameof(HasConflict), refused);
        if (!conflict) return RedirectToPage(new { id, done = "Declared" });
        // A conflict: the application goes to the colleague chosen, or back to the unassigned ones; either way not to this reviewer.
        if (ToReviewer is { } colleague)
            // The why is for the team lead; the colleague reads only that there is a conflict.
            await desk.HandOverAsync(Opened.Case, colleague, text["Review.HandOver.ConflictNote"], Opened.Actor);
        return RedirectToPage("/Review/Index", new { conflict = true });
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await desk.AssignToSelfAsync(Opened.Case, Opened.Actor) is { } refused) return await RefusedWithDetailsAsync(id, "", refused);
        return RedirectToPage(new { id, done = "Assigned" });
    }

    public async Task<IActionResult> OnPostHandOverAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Opened.MaySeeAll) return RedirectToPage(new { id });
        if (ToReviewer is not { } to) return await RefusedWithDetailsAsync(id, nameof(ToReviewer), "Review.HandOver.ChooseReviewer");
        if (await desk.HandOverAsync(Opened.Case, to, Note, Opened.Actor) is { } refused)
            return await RefusedWithDetailsAsync(id, refused == "Review.HandOver.NoteRequired" || refused == "Answer.TooLong" ? nameof(Note) : nameof(ToReviewer), refused);
        return RedirectToPage(new { id, done = "HandedOver" });
    }

    private IActionResult Refused(string field, string key)
    {
        ModelState.AddModelError(field, text[key]);
        return Page();
    }

    private async Task<IActionResult> RefusedWithDetailsAsync(Guid id, string field, string key)
    {
        ModelState.AddModelError(field, text[key]);
        // The case may have changed under us (someone else took it): show it as it is now.
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id)) return NotFound();
        if (Opened.MaySeeAll) await LoadDetailsAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await gate.OpenAsync(User, id) is not { } opened) return false;
        Opened = opened;
        Term = opened.Application.DecisionTerm(opened.Scheme, AtwCalendar.Netherlands, clock.GetUtcNow())!;
        OrganisationName = await db.Organisations.Where(o => o.Id == opened.Application.OrganisationId).Select(o => o.Name).SingleAsync();
        Colleagues = (await desk.ReviewersAsync()).Where(r => r.Id != opened.Me && !opened.Case.IsBarred(r.Id)).ToList();
        AssignedEmail = opened.Case.ReviewerId is { } reviewer ? await db.Users.Where(u => u.Id == reviewer).Select(u => u.Email).SingleOrDefaultAsync() : null;
        return true;
    }

    private async Task LoadDetailsAsync(Guid id)
    {
        Assisted = await db.Set<AssistedApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.ApplicationId == id && a.SubmittedAt != null);
        Coaching = await coaching.OfAsync(id);
        Comments = await comments.OfAsync(id);
    }

    /// <summary>One line of the coaching history in plain words (the words of the applicant's own coaching page).</summary>
    public string Describe(CoachHistory.Line line)
    {
        var who = line.ByCoach ? text["Consent.History.Coach", Bidi.Isolate(line.Who)].Value : Bidi.Isolate(line.Who);
        var part = text[CoachHistory.PartKey(line.About)].Value;
        var kind = line.GrantKind is { } k ? text["Consent.Kind." + k].Value : "";
        return line.Kind switch
        {
            CoachAccessGranted.Name => text["Consent.History.Granted", who, Bidi.Isolate(line.CoachEmail ?? ""), kind],
            CoachAccessRevoked.Name => text["Consent.History.Revoked", who, Bidi.Isolate(line.CoachEmail ?? "")],
            CoachViewedApplication.Name => text["Consent.History.Viewed", who],
            CommentAdded.Name => text["Consent.History.Commented", who, part],
            CommentReplied.Name => text["Consent.History.Replied", who, part],
            CommentDone.Name => text["Consent.History.CommentDone", who, part],
            AnswerSummaryWritten.Name => text["Consent.History.Summarised", who, part],
            _ => text["Consent.History.Changed", who, part],
        };
    }
}
