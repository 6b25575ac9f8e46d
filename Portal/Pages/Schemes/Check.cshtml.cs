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
    public string BackUrl => Number == 1 ? $"/schemes/{Scheme.Slug}" : QuickCheckAnswers.QuestionUrl(Scheme.Slug, Number - 1, Answers, Questions);

    /// <param name="answered">The number of the question whose form was sent; absent when the page is only opened.</param>
    public async Task<IActionResult> OnGetAsync(string slug, int n, string? answered)
    {
        if (await SchemeCatalogue.FindAsync(db, slug) is not { } scheme || !scheme.IsOpenOn(SchemeCatalogue.Today(clock))) return NotFound();
        var questions = DemoSchemes.QuickCheckFor(slug);
        if (n < 1 || n > questions.Count) return NotFound();
        Scheme = scheme;
        Questions = questions;
        Number = n;
        Answers = QuickCheckAnswers.Read(Request.Query, questions);

        if (answered == n.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            if (Current is null)
            {
                ModelState.AddModelError(Question.Key, text["QuickCheck.Error.Choose"]);
                return Page();
            }
            return Redirect(IsLast
                ? QuickCheckAnswers.ResultUrl(slug, Answers, questions)
                : QuickCheckAnswers.QuestionUrl(slug, n + 1, Answers, questions));
        }
        return Page();
    }
}
