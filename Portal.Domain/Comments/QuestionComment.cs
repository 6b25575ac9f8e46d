using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Comments;

/// <summary>
/// A coach's remark at one question or one section of an application (journey B.4), with the applicant's replies, until
/// a member marks it done. It is never deleted: it stays in the application's history, where reviewers can read later
/// what help the group had.
/// </summary>
public sealed class QuestionComment : AggregateRoot
{
    /// <summary>Room for a clear remark; longer belongs in a conversation, not a note beside a question.</summary>
    public const int MaxLength = 2000;

    private readonly List<CommentReply> replies = [];

    private QuestionComment() { }

    public QuestionComment(Guid applicationId, string about, string? text, Actor by, DateTimeOffset now)
    {
        if (by.UserId is null || by.Role is not (ActorRole.Coach or ActorRole.Applicant)) throw new DomainException("Comment.NotAllowed");
        if (!CommentPlace.IsKnown(about)) throw new DomainException("Comment.Place.Unknown");
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        About = about;
        Text = Checked(text);
        AuthorId = by.UserId.Value;
        AuthorRole = by.Role;
        CreatedAt = now;
        Raise(new CommentAdded(applicationId, about, by, now));
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>A question ("budget.costs") or a whole section ("budget"), see <see cref="CommentPlace"/>.</summary>
    public string About { get; private set; } = "";
    public string Text { get; private set; } = "";
    public Guid AuthorId { get; private set; }
    public ActorRole AuthorRole { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public Guid? DoneBy { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<CommentReply> Replies => replies;

    public bool IsDone => DoneAt is not null;
    public string Section => CommentPlace.SectionOf(About);

    public CommentReply Reply(string? text, Actor by, DateTimeOffset now)
    {
        if (by.UserId is null || by.Role is not (ActorRole.Coach or ActorRole.Applicant)) throw new DomainException("Comment.NotAllowed");
        var reply = new CommentReply(Id, Checked(text), by.UserId.Value, by.Role, now);
        replies.Add(reply);
        Raise(new CommentReplied(ApplicationId, About, by, now));
        return reply;
    }

    /// <summary>The applicant dealt with it. Marking it done twice (two tabs) changes nothing the second time.</summary>
    public void MarkDone(Actor by, DateTimeOffset now)
    {
        if (by.UserId is null || by.Role != ActorRole.Applicant) throw new DomainException("Comment.NotAllowed");
        if (IsDone) return;
        DoneAt = now;
        DoneBy = by.UserId;
        Raise(new CommentDone(ApplicationId, About, by, now));
    }

    /// <summary>
    /// Any language and any emoji are kept as typed (only invisible formatting that could disguise text goes); an empty
    /// remark or one longer than <see cref="MaxLength"/> is refused.
    /// </summary>
    public static string Checked(string? text)
    {
        var kept = UserText.WithoutInvisibleFormatting(text ?? "").Trim();
        if (kept.Length == 0) throw new DomainException("Comment.Text.Required");
        if (kept.Length > MaxLength) throw new DomainException("Comment.Text.TooLong");
        return kept;
    }
}

/// <summary>An answer in the thread of a comment.</summary>
public sealed class CommentReply
{
    private CommentReply() { }

    internal CommentReply(Guid commentId, string text, Guid authorId, ActorRole authorRole, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CommentId = commentId;
        Text = text;
        AuthorId = authorId;
        AuthorRole = authorRole;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid CommentId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid AuthorId { get; private set; }
    public ActorRole AuthorRole { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>Where a comment can stand: at one question (<see cref="QuestionKey"/>) or at a whole section of the task list.</summary>
public static class CommentPlace
{
    public const int MaxLength = 64;

    public static IReadOnlyList<string> Sections { get; } = QuestionKey.All.Select(q => q.Section).Distinct().ToList();

    public static bool IsKnown(string? about) => about is not null && (QuestionKey.Parse(about) is not null || Sections.Contains(about));

    public static string SectionOf(string about) => about.Split('.')[0];
}

public sealed record CommentAdded(Guid ApplicationId, string About, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public const string Name = "application.comment-added";
    public override string Action => Name;
    public override string? Detail => About;
}

public sealed record CommentReplied(Guid ApplicationId, string About, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public const string Name = "application.comment-replied";
    public override string Action => Name;
    public override string? Detail => About;
}

public sealed record CommentDone(Guid ApplicationId, string About, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public const string Name = "application.comment-done";
    public override string Action => Name;
    public override string? Detail => About;
}
