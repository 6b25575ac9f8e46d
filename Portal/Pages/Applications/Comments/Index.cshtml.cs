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
using Portal.Domain.Schemes;
using Portal.Infrastructure;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Pages.Applications.Comments;

/// <summary>
/// The comments of an application, all of them or those at one question or section (?about=budget). The comment forms of
/// the question pages post here: after a save the browser goes back to the page it came from; a refused text (empty, too
/// long) is shown here with the error beside it and everything typed kept, so nothing is lost without JavaScript.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ApplicationAccess access, QuestionComments comments, PortalText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? About { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid? CommentId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public CommentsBlock Block { get; private set; } = default!;
    /// <summary>The place shown, or null for every comment of the application.</summary>
    public string? Place => CommentPlace.IsKnown(About) ? About : null;
    public string BackUrl => Url.LocalOrNull(ReturnUrl) ?? Url.Page("/Applications/TaskList", new { id = Application.Id })!;

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    [Needs(Capability.Comment)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await SaveAsync(id, "Text", "Comment.Saved.New", async writer => await comments.AddAsync(id, About ?? "", Text, writer));
    }

    [Needs(Capability.Comment)]
    public async Task<IActionResult> OnPostReplyAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (CommentId is not { } commentId) return Redirect(BackUrl);
        return await SaveAsync(id, CommentsBlock.ReplyField(commentId), "Comment.Saved.Reply",
            async writer => await comments.ReplyAsync(id, commentId, Text, writer));
    }

    [Needs(Capability.Comment)]
    public async Task<IActionResult> OnPostDoneAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (CommentId is not { } commentId) return Redirect(BackUrl);
        return await SaveAsync(id, CommentsBlock.ReplyField(commentId), "Comment.Saved.Done",
            async writer => await comments.MarkDoneAsync(id, commentId, writer));
    }

    /// <summary>
    /// Saves through the domain; a refusal comes back on this page at <paramref name="field"/>, with the text kept. With
    /// htmx the comments section comes back instead (200 also for a refusal: htmx does not swap a 4xx).
    /// </summary>
    private async Task<IActionResult> SaveAsync(Guid id, string field, string done, Func<Actor, Task<QuestionComment?>> save)
    {
        var writer = QuestionComments.WriterOf(await access.OnApplicationAsync(User, id), access.UserId(User));
        var fragment = Request.WantsFragment();
        if (fragment) Response.Headers.Vary = "HX-Request";
        try
        {
            if (writer is null) throw new DomainException("Comment.NotAllowed");
            var saved = await save(writer);
            if (fragment) return await SectionAsync(id, saved is null ? null : done);
            // A comment that is not (or no longer) there: the page shows how things stand now.
            if (saved is null) return Redirect(BackUrl);
            return Redirect(BackUrl + "#comment-" + saved.Id.ToString("N"));
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else marked it done (or wrote) at the same moment: the page shows how it stands now.
            return fragment ? await SectionAsync(id, null) : Redirect(BackUrl);
        }
        catch (DomainException e)
        {
            var message = text[e.MessageKey].Value;
            if (e.MessageKey == "Comment.Text.TooLong") message += " " + text["Comment.Text.Length", (Text ?? "").Length];
            ModelState.AddModelError(field, message);
            Block = Block with
            {
                Errors = new Dictionary<string, string> { [field] = message },
                Typed = new Dictionary<string, string> { [field] = Text ?? "" },
            };
            return fragment ? Partial("_Comments", Block) : Page();
        }
    }

    /// <summary>The comments section as it stands now, for htmx to swap in.</summary>
    private async Task<PartialViewResult> SectionAsync(Guid id, string? message)
    {
        Block = Block with { Comments = await comments.OfAsync(id, Place is { } place ? QuestionComments.At(place) : null), Message = message };
        return Partial("_Comments", Block);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        var grants = await access.OnApplicationAsync(User, id);
        var writer = QuestionComments.WriterOf(grants, access.UserId(User));
        var shown = await comments.OfAsync(id, Place is { } place ? QuestionComments.At(place) : null);
        // Back here after a save when no page sent the form; a forged address goes to the task list.
        var back = Url.LocalOrNull(ReturnUrl) ?? Url.Page("/Applications/Comments/Index", new { id, about = Place })!;
        Block = new CommentsBlock(id, Place ?? "", shown, grants?.Allows(Capability.Comment) == true && writer is not null,
            writer?.Role == ActorRole.Coach && Place is not null, back);
        return true;
    }
}
