using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Comments;
using Portal.Domain.Common;
using Portal.Infrastructure.Localization;

namespace Portal.Pages.Applications.Summary;

/// <summary>
/// A coach writes a short Dutch summary of one answer the group wrote in another language, for the reviewer. The original
/// stays beside it and stays what counts. Only for a coach the members let in (SummariseAnswers).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SummaryModel(ApplicationAccess access, AnswerSummaries summaries, PortalText text) : PageModel
{
    [BindProperty] public string? Text { get; set; }

    public Application Application { get; private set; } = default!;
    public QuestionKey Question { get; private set; } = default!;
    public string Slug { get; private set; } = "";
    /// <summary>The answers are in Dutch already (or this is not a text answer): there is nothing to summarise.</summary>
    public bool Applies { get; private set; }
    public string? Answer { get; private set; }

    /// <summary>The question of a page address ("for-whom" → activity.for-whom), or null when it has no written answer.</summary>
    public static QuestionKey? QuestionOf(string? slug) => AnswerSummary.Summarisable.FirstOrDefault(q => q.Name == slug);

    [Needs(Capability.SummariseAnswers)]
    public async Task<IActionResult> OnGetAsync(Guid id, string question)
    {
        if (!await LoadAsync(id, question)) return NotFound();
        Text = (await summaries.OfAsync(id)).GetValueOrDefault(Question.Value)?.Text;
        return Page();
    }

    [Needs(Capability.SummariseAnswers)]
    public async Task<IActionResult> OnPostAsync(Guid id, string question)
    {
        if (!await LoadAsync(id, question)) return NotFound();
        try
        {
            await summaries.WriteAsync(Application, Question, Text, Actor.Coach(access.UserId(User)!.Value));
        }
        catch (DomainException e)
        {
            var message = text[e.MessageKey].Value;
            if (e.MessageKey == "Summary.Text.TooLong") message += " " + text["Comment.Text.Length", (Text ?? "").Length];
            ModelState.AddModelError(nameof(Text), message);
            return Page();
        }
        catch (DbUpdateException)
        {
            // Another coach wrote the first summary of this answer at the same moment: show theirs, keep this text typed.
            ModelState.AddModelError(nameof(Text), text["Summary.ChangedMeanwhile"]);
            return Page();
        }
        return RedirectToPage("/Applications/Check", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, string slug)
    {
        if (QuestionOf(slug) is not { } question) return false;
        if (await access.ApplicationAsync(User, id, Capability.SummariseAnswers) is not { } application) return false;
        Application = application;
        Question = question;
        Slug = slug;
        Applies = AnswerSummary.Applies(application, question);
        Answer = slug switch
        {
            "title" => application.Title,
            "description" => application.Description,
            "for-whom" => application.ForWhom,
            _ => application.HowOthersJoin,
        };
        return true;
    }
}
