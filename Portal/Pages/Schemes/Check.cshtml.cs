using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Schemes;

/// <summary>
/// The anonymous quick check, one yes/no question per page. The form is a GET to this same page carrying every
/// answer so far: with an answer it moves on to the next question (or the result), without one it shows the error
/// here and keeps the earlier answers. Nothing is stored and no cookie is needed.
/// <para>"Wijzigen" on the result opens one question with <c>from=result</c>: after that answer it goes straight back
/// to the result with the other answers kept, instead of walking through every later question again.</para>
/// </summary>
[AllowAnonymous]
public sealed class CheckModel(PortalDbContext db, TimeProvider clock, PortalText text) : PageModel
{
    public Scheme Scheme { get; private set; } = null!;
    public IReadOnlyList<QuickCheckQuestion> Questions { get; private set; } = [];
    public int Number { get; private set; }
    public QuickCheckQuestion Question => Questions[Number - 1];
    public IReadOnlyDictionary<string, QuickCheckAnswer> Answers { get; private set; } = new Dictionary<string, QuickCheckAnswer>();
    public QuickCheckAnswer? Current => Answers.TryGetValue(Question.Key, out var answer) ? answer : null;
    public bool IsLast => Number == Questions.Count;
    /// <summary>Opened from the result to change this one answer.</summary>
    public bool FromResult { get; private set; }
    public string BackUrl => FromResult ? QuickCheckAnswers.ResultUrl(Url, Scheme.Slug, Answers, Questions)
        : Number == 1 ? Url.Page("/Schemes/Details", new { slug = Scheme.Slug })!
        : QuickCheckAnswers.QuestionUrl(Url, Scheme.Slug, Number - 1, Answers, Questions);

    /// <param name="answered">The number of the question whose form was sent; absent when the page is only opened.</param>
    /// <param name="from">"result" when the applicant came to change this answer from the result.</param>
    public async Task<IActionResult> OnGetAsync(string slug, int n, string? answered, string? from)
    {
        if (await SchemeCatalogue.FindAsync(db, slug) is not { } scheme || !scheme.IsOpenOn(SchemeCatalogue.Today(clock))) return NotFound();
        var questions = DemoSchemes.QuickCheckFor(slug);
        if (n < 1 || n > questions.Count) return NotFound();
        Scheme = scheme;
        Questions = questions;
        Number = n;
        Answers = QuickCheckAnswers.Read(Request.Query, questions);
        FromResult = from == QuickCheckAnswers.FromResult;

        if (answered == n.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            if (Current is null)
            {
                ModelState.AddModelError(Question.Key, text["QuickCheck.Error.Choose"]);
                return Page();
            }
            // The result page itself sends the applicant to any question still unanswered.
            return Redirect(IsLast || FromResult
                ? QuickCheckAnswers.ResultUrl(Url, slug, Answers, questions)
                : QuickCheckAnswers.QuestionUrl(Url, slug, n + 1, Answers, questions));
        }
        return Page();
    }
}
