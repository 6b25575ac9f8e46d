using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain.Schemes;

namespace Portal.Pages.Schemes;

/// <summary>
/// The outcome of the quick check: yes, maybe or not this scheme. It names the answer that decided it and always
/// offers a next step (apply, a coach, another scheme, a host organisation): never a dead end.
/// </summary>
[AllowAnonymous]
public sealed class CheckResultModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>
    /// Questions whose "no" a host organisation (penvoerder) can take away: someone alone can team up with a
    /// community centre that applies and manages the money. Belongs on <see cref="QuickCheckQuestion"/> once schemes
    /// are managed by an administrator.
    /// </summary>
    private static readonly HashSet<string> HostOrganisationHelps = ["Together"];

    public Scheme Scheme { get; private set; } = null!;
    public IReadOnlyList<QuickCheckQuestion> Questions { get; private set; } = [];
    public IReadOnlyDictionary<string, QuickCheckAnswer> Answers { get; private set; } = new Dictionary<string, QuickCheckAnswer>();
    public QuickCheckResult Result { get; private set; } = null!;
    /// <summary>The answer given to the deciding question (No or DontKnow), when there is one.</summary>
    public QuickCheckAnswer? DecidingAnswer => Result.DecidedBy is { } q ? Answers[q.Key] : null;
    /// <summary>Other open schemes that do not refuse on the same question.</summary>
    public IReadOnlyList<Scheme> OtherSchemes { get; private set; } = [];
    /// <summary>The scheme's budget is spent (art. 4:25 Awb): the result says so whatever the answers, and points elsewhere.</summary>
    public bool BudgetSpent { get; private set; }
    public bool ShowHostOrganisation => Result.DecidedBy is { } q && HostOrganisationHelps.Contains(q.Key);

    public string QuestionUrl(int number) => QuickCheckAnswers.QuestionUrl(Url, Scheme.Slug, number, Answers, Questions);
    public string ChangeUrl(int number) => QuickCheckAnswers.ChangeUrl(Url, Scheme.Slug, number, Answers, Questions);

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await SchemeCatalogue.FindWithBudgetAsync(db, slug) is not (var scheme, var budgetSpent) || !scheme.IsOpenOn(SchemeCatalogue.Today(clock)))
            return NotFound();
        var questions = DemoSchemes.QuickCheckFor(slug);
        if (questions.Count == 0) return NotFound();
        Scheme = scheme;
        Questions = questions;
        Answers = QuickCheckAnswers.Read(Request.Query, questions);

        // An outcome is only shown for a complete check: an unanswered question would silently count as "don't know".
        var unanswered = questions.Select((q, i) => (q, Number: i + 1)).FirstOrDefault(x => !Answers.ContainsKey(x.q.Key));
        if (unanswered.q is not null) return Redirect(QuestionUrl(unanswered.Number));

        Result = QuickCheck.Evaluate(questions, Answers);
        BudgetSpent = budgetSpent;
        if (Result.Outcome == QuickCheckOutcome.NotThisScheme)
        {
            var blocker = Result.DecidedBy!.Key;
            OtherSchemes = (await SchemeCatalogue.OpenAsync(db, clock))
                .Where(s => s.Slug != slug)
                .Where(s => !DemoSchemes.QuickCheckFor(s.Slug).Any(q => q.Key == blocker && q.IfNo == QuickCheckOutcome.NotThisScheme))
                .ToList();
        }
        return Page();
    }
}
