using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Portal.Applications;
using Portal.Domain.Access;

namespace Portal.Pages.Applications.Comments;

/// <summary>
/// The comments at one place of an application as a question page shows them: the threads, a reply and "done" form for
/// each (Comment), and a form for a new remark for a coach. The forms post to the comments page, which comes back here
/// (ReturnUrl) or, when something typed is refused, shows the same block with the error and the text kept.
/// </summary>
public sealed record CommentsBlock(Guid ApplicationId, string About, IReadOnlyList<QuestionComments.Shown> Comments, bool CanComment,
    bool IsCoach, string ReturnUrl)
{
    /// <summary>Errors by field ("Text" for a new remark, "Reply-{comment id}" for a reply) and what was typed there.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();
    /// <summary>After an htmx save: the resource key of what happened, announced in the live region.</summary>
    public string? Message { get; init; }

    public static string ReplyField(Guid commentId) => "Reply-" + commentId.ToString("N");
}

/// <summary>Puts the comments block on a page: <c>@await Component.InvokeAsync("Comments", new { applicationId, about, returnUrl })</c>.</summary>
public sealed class CommentsViewComponent(ApplicationAccess access, QuestionComments comments) : ViewComponent
{
    /// <param name="about">The question (or section) the page is about; a section also shows the comments at its questions.</param>
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId, string about, string returnUrl)
    {
        var user = HttpContext.User;
        var grants = await access.OnApplicationAsync(user, applicationId);
        var writer = QuestionComments.WriterOf(grants, access.UserId(user));
        var shown = await comments.OfAsync(applicationId, QuestionComments.At(about));
        return View(new CommentsBlock(applicationId, about, shown, grants?.Allows(Capability.Comment) == true && writer is not null,
            writer?.Role == Domain.Common.ActorRole.Coach, returnUrl));
    }
}
