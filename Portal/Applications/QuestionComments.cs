using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Comments;
using Portal.Domain.Common;

namespace Portal.Applications;

/// <summary>
/// Comments at a question: a coach writes one, a member replies and marks it done (PRODUCT journey B.4). Who may is the
/// access check's answer (Comment); in which role they write is this class's: a member as the applicant, a coach as coach.
/// </summary>
public sealed class QuestionComments(PortalDbContext db, TimeProvider clock)
{
    /// <summary>A comment as the pages show it, with the address of whoever wrote it and of each reply.</summary>
    public sealed record Shown(QuestionComment Comment, string AuthorEmail, IReadOnlyList<(CommentReply Reply, string Email)> Replies);

    /// <summary>The role of the writer: a member writes as the applicant (also when they coach too), a let-in coach as coach.</summary>
    public static Actor? WriterOf(ApplicationAccess.ObjectAccess? access, Guid? userId) =>
        access is null || userId is not { } id ? null
        : access.Kinds.Contains(GrantKind.Member) ? Actor.Applicant(id)
        : access.Kinds.Any(k => k is GrantKind.CoachView or GrantKind.CoachEdit) ? Actor.Coach(id)
        : null;

    /// <summary>The comments shown at <paramref name="about"/>: at that question, or for a section, at it and at each of its questions.</summary>
    public static Func<string, bool> At(string about) =>
        CommentPlace.Sections.Contains(about) ? place => CommentPlace.SectionOf(place) == about : place => place == about;

    public async Task<IReadOnlyList<Shown>> OfAsync(Guid applicationId, Func<string, bool>? about = null)
    {
        var comments = await db.QuestionComments.Include(c => c.Replies).AsNoTracking()
            .Where(c => c.ApplicationId == applicationId).OrderBy(c => c.CreatedAt).ToListAsync();
        if (about is not null) comments = comments.Where(c => about(c.About)).ToList();
        var authors = comments.Select(c => c.AuthorId).Concat(comments.SelectMany(c => c.Replies.Select(r => r.AuthorId))).Distinct().ToList();
        var emails = authors.Count == 0 ? [] : await db.Users.Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "");
        return comments.Select(c => new Shown(c, emails.GetValueOrDefault(c.AuthorId, ""),
            c.Replies.OrderBy(r => r.CreatedAt).Select(r => (r, emails.GetValueOrDefault(r.AuthorId, ""))).ToList())).ToList();
    }

    /// <summary>How many comments are not done yet, per section of the task list.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenPerSectionAsync(Guid applicationId)
    {
        var open = await db.QuestionComments.Where(c => c.ApplicationId == applicationId && c.DoneAt == null).Select(c => c.About).ToListAsync();
        return open.GroupBy(CommentPlace.SectionOf).ToDictionary(g => g.Key, g => g.Count());
    }

    public async Task<QuestionComment> AddAsync(Guid applicationId, string about, string? text, Actor by)
    {
        var comment = new QuestionComment(applicationId, about, text, by, clock.GetUtcNow());
        db.QuestionComments.Add(comment);
        await db.SaveChangesAsync();
        return comment;
    }

    /// <returns>The comment replied to, or null when this application has no such comment.</returns>
    public async Task<QuestionComment?> ReplyAsync(Guid applicationId, Guid commentId, string? text, Actor by)
    {
        if (await FindAsync(applicationId, commentId) is not { } comment) return null;
        comment.Reply(text, by, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return comment;
    }

    public async Task<QuestionComment?> MarkDoneAsync(Guid applicationId, Guid commentId, Actor by)
    {
        if (await FindAsync(applicationId, commentId) is not { } comment) return null;
        comment.MarkDone(by, clock.GetUtcNow());
        await db.SaveChangesAsync();
        return comment;
    }

    public Task<QuestionComment?> FindAsync(Guid applicationId, Guid commentId) =>
        db.QuestionComments.Include(c => c.Replies).SingleOrDefaultAsync(c => c.Id == commentId && c.ApplicationId == applicationId);
}
