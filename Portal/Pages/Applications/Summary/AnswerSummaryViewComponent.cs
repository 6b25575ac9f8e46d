using Microsoft.AspNetCore.Mvc;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Comments;

namespace Portal.Pages.Applications.Summary;

/// <summary>What the summary block beside one answer shows: the coach's summary, and for a coach the link to write it.</summary>
/// <param name="InList">Shown inside a description list (check your answers): the block is a dd there.</param>
public sealed record AnswerSummaryBlock(Guid ApplicationId, string Slug, AnswerSummary? Summary, bool MayWrite, bool InList);

/// <summary>
/// Beside an answer (check your answers, the question page): the coach's Dutch summary, marked as a summary and not a
/// translation. <c>@await Component.InvokeAsync("AnswerSummary", new { application, slug })</c>.
/// </summary>
public sealed class AnswerSummaryViewComponent(ApplicationAccess access, AnswerSummaries summaries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Application application, string slug, bool inList = false)
    {
        if (SummaryModel.QuestionOf(slug) is not { } question || !AnswerSummary.Applies(application, question)) return Content("");
        var summary = (await summaries.OfAsync(application.Id)).GetValueOrDefault(question.Value);
        var mayWrite = (await access.OnApplicationAsync(HttpContext.User, application.Id))?.Allows(Capability.SummariseAnswers) == true;
        if (summary is null && !mayWrite) return Content("");
        return View(new AnswerSummaryBlock(application.Id, slug, summary, mayWrite, inList));
    }
}
