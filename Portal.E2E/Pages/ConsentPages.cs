using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>"Wie helpt mee": the coaches who have access to one application, the form to let one in, and the history.</summary>
public sealed class CoachesPage(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Email => FieldOf("Consent.Email.Label");
    public ILocator LookAndComment => RadioOf("Consent.Kind.CoachView");
    public ILocator LookAndFillIn => RadioOf("Consent.Kind.CoachEdit");
    public ILocator Coaches => Main.Locator("ul.coach-list > li");
    public ILocator History => Main.Locator("ul.history > li");

    public async Task GrantAsync(string email, ILocator kind)
    {
        await Email.FillAsync(email);
        await kind.CheckAsync();
        await ButtonOf("Consent.Grant.Submit").ClickAsync();
    }

    /// <summary>The "stop access" button of one coach, named with the coach's address for a screen reader.</summary>
    public Task RevokeAsync(string email) =>
        Coaches.Filter(new() { HasText = email }).GetByRole(AriaRole.Button).ClickAsync();
}

/// <summary>The comments beside a question or on the budget page (the same block on each).</summary>
public sealed class CommentsSection(IPage page, string language = "nl") : ApplicantPage(page, language)
{
    public ILocator Section => Main.Locator("section.comments");
    public ILocator Comments => Section.Locator("article.comment");
    public ILocator NewComment => FieldOf("Comment.New.Label");
    public ILocator Reply => FieldOf("Comment.Reply.Label");

    public async Task CommentAsync(string text)
    {
        await NewComment.FillAsync(text);
        await ButtonOf("Comment.New.Submit").ClickAsync();
    }

    public async Task ReplyAsync(string text)
    {
        await Reply.FillAsync(text);
        await ButtonOf("Comment.Reply.Submit").ClickAsync();
    }
}
