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
using Htmx;
using Portal.Infrastructure.Web;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure;
using Portal.Domain.Access;

namespace Portal.Pages.Applications.Activity;

/// <summary>
/// One question about the activity. Saves on every plain POST and, with htmx, on every change (autosave).
/// Two tabs: the form carries the version it was read at and the answer it started from; when both changed
/// since, nothing is overwritten and the user chooses which version to keep.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class QuestionModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock, PortalText text) : PageModel
{
    public enum Outcome { Saved, Unchanged, Invalid, Conflict, NotDraft }

    [BindProperty] public ActivityInput Input { get; set; } = new();
    /// <summary>The application's row version (xmin) when this form was filled in.</summary>
    [BindProperty] public uint? Version { get; set; }
    /// <summary>The stored answer this form started from (see <see cref="ActivityQuestion.Stored"/>).</summary>
    [BindProperty] public string? Original { get; set; }
    /// <summary>"next" (save and continue) or "later" (save and go back to the task list).</summary>
    [BindProperty] public string? Then { get; set; }
    /// <summary>After a conflict: "mine" keeps what the user typed, "theirs" keeps what was saved.</summary>
    [BindProperty] public string? Resolve { get; set; }
    [BindProperty] public uint? ConflictVersion { get; set; }
    /// <summary>What this tab's autosaves sent that had not been answered when this form was posted (site.js, own saves).</summary>
    [BindProperty] public List<string> OwnSave { get; set; } = [];
    /// <summary>Where a "change" link came from (check your answers): after saving, the user goes back there.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? SafeReturnUrl => Url.LocalOrNull(ReturnUrl);

    /// <summary>The path of a page whose typed text the server saved: the browser may forget its copy (site.js, keep-draft).</summary>
    [TempData] public string? DraftSaved { get; set; }

    public Application Application { get; private set; } = default!;
    public ActivityQuestion Question { get; private set; } = default!;
    public string SchemeName { get; private set; } = "";
    public EditConflict? Conflict { get; private set; }
    public string? StatusMessage { get; private set; }
    public bool StatusIsError { get; private set; }
    /// <summary>This request saved the answer: the browser may forget its copy of the typed text.</summary>
    public bool JustSaved { get; private set; }
    public bool IsReadOnly => !Application.IsEditable || !MayEdit;
    /// <summary>The user may change answers here: not a coach the members let in only to look and comment.</summary>
    public bool MayEdit { get; private set; } = true;
    public string PagePath => QuestionPath(Question.Slug);
    public string TaskListPath => Url.Page("/Applications/TaskList", new { id = Application.Id })!;
    public string QuestionPath(string slug) => Url.Page("/Applications/Activity/Question", new { id = Application.Id, question = slug })!;

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id, string question)
    {
        if (!await LoadAsync(id, question)) return NotFound();
        Input = ActivityInput.From(Application);
        Version = Application.Version;
        Original = Question.Stored(ActivityAnswers.Of(Application));
        return Page();
    }

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAsync(Guid id, string question)
    {
        if (!await LoadAsync(id, question)) return NotFound();
        if (Resolve == "theirs") return RedirectToPage(new { id = Application.Id, question = Question.Slug });
        // "Save and continue" needs an answer; "save and continue later" lets the applicant leave it for later.
        switch (await SaveAsync(id, answerRequired: Then != "later"))
        {
            case Outcome.Invalid:
            case Outcome.NotDraft:
                return Page();
            case Outcome.Conflict:
                // The summary at the top links to the two versions below the field.
                ModelState.AddModelError(nameof(Conflict), text["Conflict.Summary"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                DraftSaved = PagePath;
                var next = SafeReturnUrl
                    ?? (Then == "later" || Question.Next is null ? TaskListPath : QuestionPath(Question.Next.Slug));
                return Redirect(next);
        }
    }

    /// <summary>htmx: saves this question's answer and returns the status fragment (#autosave-status).</summary>
    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, string question)
    {
        if (!Request.WantsFragment()) return await OnPostAsync(id, question);
        if (!await LoadAsync(id, question)) return NotFound();
        Response.Headers.Vary = "HX-Request";
        // Day typed, month not yet: saving now would only say "fill in the month" while the person is still typing it.
        if (Question.IsBeingTyped(Input)) return Partial("_AutosaveStatus", this);
        var outcome = await SaveAsync(id, answerRequired: false);
        switch (outcome)
        {
            case Outcome.Saved:
                StatusMessage = text["Answer.SavedAt", LocalTime(Application.UpdatedAt)];
                JustSaved = true;
                break;
            case Outcome.Invalid:
            case Outcome.NotDraft:
                StatusMessage = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
                StatusIsError = true;
                break;
        }
        return Partial("_AutosaveStatus", this);
    }

    private async Task<Outcome> SaveAsync(Guid id, bool answerRequired)
    {
        if (IsReadOnly)
        {
            ModelState.AddModelError("", text["Application.NotDraft"]);
            return Outcome.NotDraft;
        }
        // Two attempts: if another save slipped in between reading and writing, read again and decide again.
        for (var attempt = 1; ; attempt++)
        {
            var current = ActivityAnswers.Of(Application);
            var errors = Question.TryRead(Input, current, out var updated);
            foreach (var (field, key) in errors) ModelState.AddModelError($"Input.{field}", text[key]);
            if (errors.Count > 0) return Outcome.Invalid;

            var stored = Question.Stored(current);
            var typed = Question.Stored(updated);
            if (answerRequired && typed is "" or "|")
            {
                ModelState.AddModelError($"Input.{Question.Field}", text[Question.Key + ".Required"]);
                return Outcome.Invalid;
            }
            var seen = new EditSeen(Version, TypedAnswers.Canonical(Original), OwnSaves(current),
                Resolve == "mine" ? ConflictVersion : null);
            switch (EditConflicts.Decide(seen, Application.Version, stored, typed, key => Display(key == stored ? current : updated)))
            {
                case EditDecision.Unchanged:
                    Version = Application.Version;
                    Original = stored;
                    return Outcome.Unchanged;
                case EditDecision.Conflict:
                    Conflict = new EditConflict(Display(current), Display(updated), Application.Version);
                    return Outcome.Conflict;
            }

            try
            {
                updated.ApplyTo(Application, await access.ActorOnApplicationAsync(User, Application.Id), clock.GetUtcNow());
            }
            catch (DomainException e)
            {
                var message = text[e.MessageKey].Value;
                if (e.MessageKey == "Answer.TooLong" && Question.MaxLength is { } max) message += " " + text["Answer.MaxLength", max];
                ModelState.AddModelError($"Input.{Question.FieldFor(e.MessageKey)}", message);
                return Outcome.Invalid;
            }

            try
            {
                await db.SaveChangesAsync();
                Version = Application.Version;
                Original = typed;
                return Outcome.Saved;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id, Question.Slug)) throw;
            }
        }
    }

    /// <summary>The answers this tab's unanswered autosaves saved, read the way this page reads its form.</summary>
    private List<string> OwnSaves(ActivityAnswers current)
    {
        var own = new List<string>();
        foreach (var field in EditConflicts.Fields(OwnSave))
        {
            var input = new ActivityInput
            {
                Title = field("Input.Title"), Description = field("Input.Description"), ForWhom = field("Input.ForWhom"),
                Participants = field("Input.Participants"), Neighbourhood = field("Input.Neighbourhood"),
                StartsOn = Date("Input.StartsOn"), EndsOn = Date("Input.EndsOn"), HowOthersJoin = field("Input.HowOthersJoin"),
            };
            if (Question.TryRead(input, current, out var saved).Count == 0) own.Add(Question.Stored(saved));

            TypedDate Date(string name) => new() { Day = field(name + ".Day"), Month = field(name + ".Month"), Year = field(name + ".Year") };
        }
        return own;
    }

    private async Task<bool> LoadAsync(Guid id, string slug)
    {
        if (ActivityQuestion.Find(slug) is not { } question) return false;
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Question = question;
        Application = application;
        MayEdit = (await access.OnApplicationAsync(User, id))?.Allows(Capability.EditAnswers) == true;
        var scheme = await access.SchemeOfAsync(application);
        SchemeName = ApplicationDisplay.SchemeName(text, scheme.Slug);
        return true;
    }

    /// <summary>An answer as the applicant reads it, for the conflict choice.</summary>
    public string Display(ActivityAnswers answers)
    {
        var culture = CultureInfo.CurrentUICulture;
        var value = Question.Slug switch
        {
            "participants" => answers.ParticipantCount?.ToString("N0", culture),
            "where" => answers.Neighbourhood is { } n ? ApplicationDisplay.Neighbourhood(n) : null,
            "when" => answers.StartsOn is { } start
                ? answers.EndsOn is { } end && end != start ? $"{start.ToString("D", culture)} – {end.ToString("D", culture)}" : start.ToString("D", culture)
                : null,
            _ => Question.Stored(answers),
        };
        return string.IsNullOrWhiteSpace(value) ? text["Conflict.Empty"] : value;
    }

    public static string LocalTime(DateTimeOffset moment) => ApplicationTime.Local(moment).ToString("HH:mm", CultureInfo.InvariantCulture);
}
