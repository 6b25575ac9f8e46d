using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// Issue 11 point 7: the reviewer scores the application against the scheme's published criteria and proposes an outcome.
/// Everything typed is saved as the reviewer's own draft (with a plain error for what could not be taken, and the typed
/// text kept) until the proposal is made. Without names when the scheme says so.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Portal.Review.DeclaredNoConflict]
public sealed class AssessmentModel(PortalDbContext db, ApplicationAccess access, TimeProvider clock, PortalText text,
    Portal.Review.ProposalDecisions decisions, Portal.Review.BudgetLedger ledger) : PageModel
{
    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public AssessmentFramework? Framework { get; private set; }
    public ApplicationAssessment? Draft { get; private set; }
    /// <summary>The proposal of a colleague that waits for a decision (then this reviewer cannot propose).</summary>
    public bool ProposedByColleague { get; private set; }
    public bool ChangedMeanwhile { get; private set; }

    /// <summary>
    /// The moment of the last thing the applicant's side sent (an answer to a request, a message; 0 for none), as ticks.
    /// The form carries the one the reviewer saw; when more came in meanwhile, nothing is proposed or decided until they
    /// have read it — an answer arriving while the reviewer decides is never passed over.
    /// </summary>
    public long NewsStamp { get; private set; }

    [BindProperty] public long? Seen { get; set; }

    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    [FromQuery(Name = "saved")]
    public string? SavedFlag { get; set; }

    public bool WithoutNames => Framework?.AssessWithoutNames == true;

    /// <summary>The last day of the group's written consent to a delay, when one runs today (a return needs it); null otherwise.</summary>
    public DateOnly? DelayConsentUntil
    {
        get
        {
            var today = NijmegenTime.DayOf(clock.GetUtcNow());
            return Application.DelayConsents.Where(c => c.IsActive(today)).Select(c => (DateOnly?)c.Until).Max();
        }
    }
    public bool CanEdit => Framework is not null && !ProposedByColleague && (Draft is null || Draft.State == AssessmentState.Draft)
        && AssessmentLoading.OpenForAssessment(Application.Status);
    public IReadOnlyList<PlainLanguageWarning> FeedbackWarnings => PlainLanguage.Check(Input.Feedback);
    public IReadOnlyList<PlainLanguageWarning> ReasonWarnings => PlainLanguage.Check(Input.ReasonText);

    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Draft is not null) Input = AssessmentInput.From(Draft, Application);
        return Page();
    }

    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanEdit) return Page();
        if (!await SaveAsync()) return Page();
        return RedirectToPage(new { id, saved = "true" });
    }

    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnPostProposeAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanEdit) return Page();
        if (!await SaveAsync()) return Page();
        if (NewsArrived()) return Page();
        try
        {
            Draft!.Propose(Application, Framework!, Me, clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DomainException e)
        {
            // The draft is saved; what stands in the way is said, and every problem with it.
            foreach (var key in Draft!.ProblemsWithProposal(Application, Framework!, NijmegenTime.DayOf(clock.GetUtcNow())).DefaultIfEmpty(e.MessageKey))
                ModelState.AddModelError(ProblemField(key), text[key]);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ChangedAsync(id);
        }
        return RedirectToPage(new { id });
    }

    /// <summary>Below the four-eyes threshold and not a refusal: the reviewer takes the decision they proposed.</summary>
    [Needs(Capability.Assess)]
    public async Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Draft is null) return Page();
        if (NewsArrived()) return Page();
        try
        {
            await decisions.DecideAsync(Draft, Application, Me);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError("", text[e.MessageKey]);
            if (Draft is not null) Input = AssessmentInput.From(Draft, Application);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ChangedAsync(id);
        }
        return RedirectToPage(new { id });
    }

    private Actor Me => Actor.Reviewer(access.UserId(User)!.Value);

    private bool NewsArrived()
    {
        if (NewsStamp <= (Seen ?? 0)) return false;
        ModelState.AddModelError("", text["Assessment.NewFromApplicant"]);
        if (Draft is not null) Input = AssessmentInput.From(Draft, Application);
        return true;
    }

    /// <summary>Takes every field that can be taken into the draft and saves it; a field that cannot is named with its typed value kept.</summary>
    private async Task<bool> SaveAsync()
    {
        var now = clock.GetUtcNow();
        if (Draft is null)
        {
            Draft = new ApplicationAssessment(Application, Me, now);
            db.Add(Draft);
        }
        void Try(string field, Action change)
        {
            try { change(); }
            catch (DomainException e) { ModelState.AddModelError(field, text[e.MessageKey]); }
        }
        foreach (var criterion in Framework!.Criteria)
        {
            var field = $"Input.Mark[{criterion.Key}]";
            var typed = Input.Mark.GetValueOrDefault(criterion.Key);
            var note = Input.Note.GetValueOrDefault(criterion.Key);
            if (!AssessmentInput.TryReadMark(typed, out var mark, out var score))
            {
                ModelState.AddModelError(field, text["Assessment.Score.Range"]);
                continue;
            }
            Try(field, () => Draft.Score(Framework, criterion.Key, mark, score, note, Me, now));
        }
        Try("Input.Feedback", () => Draft.WriteFeedback(Input.Feedback, Me, now));
        foreach (var question in SuggestionQuestions.All)
            Try($"Input.Suggest[{question.Value}]", () => Draft.SuggestAt(question, Input.Suggest.GetValueOrDefault(question.Value), Me, now));
        ProposedOutcome? outcome = Enum.TryParse<ProposedOutcome>(Input.Outcome, out var chosen) && Enum.IsDefined(chosen) ? chosen : null;
        Try("Input.ReasonText", () => Draft.ChooseOutcome(outcome, outcome is { } o ? Input.Reasons.GetValueOrDefault(o.ToString()) ?? [] : [],
            Input.ReasonText, Input.ApplicantHeard, Me, now));
        foreach (var line in Application.BudgetLines)
        {
            var key = line.Id.ToString();
            var field = $"Input.Cut[{key}]";
            var typed = Input.Cut.GetValueOrDefault(key);
            Money? amount = null;
            if (!string.IsNullOrWhiteSpace(typed))
            {
                if (!MoneyParser.TryParse(typed, out var parsed, out var error))
                {
                    ModelState.AddModelError(field, text[error ?? "Assessment.Cut.Range"]);
                    continue;
                }
                amount = parsed;
            }
            Try(field, () => Draft.Cut(Application, line.Id, amount, Input.CutReason.GetValueOrDefault(key), Me, now));
        }
        Draft.Saved(Me, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Saved meanwhile in another tab (xmin), or its first save raced this one (one draft per reviewer).
            ChangedMeanwhile = true;
            ModelState.AddModelError("", text["Assessment.ChangedMeanwhile"]);
            return false;
        }
        return ModelState.IsValid;
    }

    private async Task<IActionResult> ChangedAsync(Guid id)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id)) return NotFound();
        ChangedMeanwhile = true;
        ModelState.AddModelError("", text["Assessment.ChangedMeanwhile"]);
        return Page();
    }

    private static string ProblemField(string key) => key switch
    {
        "Assessment.Outcome.Required" => "Input.Outcome",
        "Assessment.Reasons.Required" => "Input.ReasonText",
        "Assessment.Return.FeedbackRequired" => "Input.Feedback",
        _ => "",
    };

    /// <summary>What the scheme's budget leaves for this application now (null when it holds no budget: not complete, or decided).</summary>
    public Domain.Budget.BudgetOffer? Offer { get; private set; }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id, Capability.Assess) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        Framework = await AssessmentLoading.FrameworkAsync(db, application.SchemeId);
        var me = access.UserId(User)!.Value;
        Draft = await AssessmentLoading.OwnAsync(db, id, me);
        ProposedByColleague = application.Status == ApplicationStatus.DecisionProposed && Draft?.State != AssessmentState.Proposed;
        Offer = AssessmentLoading.OpenForAssessment(application.Status) ? await ledger.OfferAsync(id) : null;
        var lastMessage = await db.Set<Domain.Messages.ApplicationMessage>()
            .Where(m => m.ApplicationId == id && !m.IsInternal && m.AuthorRole != ActorRole.Reviewer && m.AuthorRole != ActorRole.Approver)
            .MaxAsync(m => (DateTimeOffset?)m.CreatedAt);
        var lastAnswer = application.InformationRequests.Max(r => r.AnsweredAt);
        NewsStamp = new[] { lastMessage, lastAnswer }.Max()?.UtcTicks ?? 0;
        return true;
    }
}

/// <summary>What the reviewer typed: kept as typed, so a field that could not be taken is shown again as it was.</summary>
public sealed class AssessmentInput
{
    public const string NotApplicable = nameof(CriterionMark.NotApplicable);
    public const string NeedMoreInformation = nameof(CriterionMark.NeedMoreInformation);

    /// <summary>Per criterion: "1" … the scale's top, "NotApplicable", "NeedMoreInformation", or empty.</summary>
    public Dictionary<string, string?> Mark { get; set; } = [];
    public Dictionary<string, string?> Note { get; set; } = [];
    public string? Feedback { get; set; }
    public string? Outcome { get; set; }
    /// <summary>Per outcome, the templates ticked (only those of the chosen outcome count).</summary>
    public Dictionary<string, List<string>> Reasons { get; set; } = [];
    public string? ReasonText { get; set; }
    public bool ApplicantHeard { get; set; }
    /// <summary>Per budget line id: the amount not granted, as typed, and why.</summary>
    public Dictionary<string, string?> Cut { get; set; } = [];
    public Dictionary<string, string?> CutReason { get; set; } = [];
    /// <summary>Per question key ("activity.description"): a suggestion shown at that question when the application is returned.</summary>
    public Dictionary<string, string?> Suggest { get; set; } = [];

    public static bool TryReadMark(string? typed, out CriterionMark? mark, out int? score)
    {
        (mark, score) = (null, null);
        if (string.IsNullOrWhiteSpace(typed)) return true;
        if (typed == NotApplicable) mark = CriterionMark.NotApplicable;
        else if (typed == NeedMoreInformation) mark = CriterionMark.NeedMoreInformation;
        else if (int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            (mark, score) = (CriterionMark.Score, value);
        else return false;
        return true;
    }

    /// <summary>Whether a typed mark is one the form offers on this scale.</summary>
    public static bool IsOnScale(string typed, int scaleMax) =>
        typed is NotApplicable or NeedMoreInformation
        || Enumerable.Range(1, scaleMax).Any(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture) == typed);

    public static AssessmentInput From(ApplicationAssessment draft, Application application) => new()
    {
        Mark = draft.Scores.ToDictionary(s => s.CriterionKey, s => s.Mark switch
        {
            CriterionMark.Score => s.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            { } other => other.ToString(),
            null => null,
        }),
        Note = draft.Scores.ToDictionary(s => s.CriterionKey, s => s.Note),
        Feedback = draft.Feedback,
        Outcome = draft.Outcome?.ToString(),
        Reasons = draft.Outcome is { } outcome ? new() { [outcome.ToString()] = draft.Reasons.ToList() } : [],
        ReasonText = draft.ReasonText,
        ApplicantHeard = draft.ApplicantHeard,
        Cut = draft.Cuts.Where(c => application.BudgetLines.Any(l => l.Id == c.BudgetLineId))
            .ToDictionary(c => c.BudgetLineId.ToString(), c => c.AmountCents > 0 ? c.Amount.ToString() : null),
        CutReason = draft.Cuts.ToDictionary(c => c.BudgetLineId.ToString(), c => c.Reason),
        Suggest = draft.SuggestionsAtQuestions.ToDictionary(s => s.Key.Value, s => (string?)s.Value),
    };
}
