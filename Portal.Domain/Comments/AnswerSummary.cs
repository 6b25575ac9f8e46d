using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Comments;

/// <summary>
/// A coach's short Dutch summary of an answer written in another language (PRODUCT principle 4): shown beside the
/// original, never instead of it, and marked as a summary by a coach, not a translation — the applicant's own words stay
/// what counts. One per question; writing it again replaces it.
/// </summary>
public sealed class AnswerSummary : AggregateRoot
{
    public const int MaxLength = 2000;

    /// <summary>The answers a coach can summarise: what people write in their own words.</summary>
    public static readonly IReadOnlyList<QuestionKey> Summarisable =
        [QuestionKey.Title, QuestionKey.Description, QuestionKey.ForWhom, QuestionKey.HowOthersJoin];

    private AnswerSummary() { }

    public AnswerSummary(Application application, QuestionKey question, string? text, Actor by, DateTimeOffset now)
    {
        EnsureMayWrite(application, question, by);
        Id = Guid.NewGuid();
        ApplicationId = application.Id;
        Question = question.Value;
        Text = Checked(text);
        WrittenBy = by.UserId!.Value;
        WrittenAt = now;
        Raise(new AnswerSummaryWritten(application.Id, question, by, now));
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Question { get; private set; } = "";
    public string Text { get; private set; } = "";
    public Guid WrittenBy { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
    public uint Version { get; private set; }

    public void Rewrite(Application application, string? text, Actor by, DateTimeOffset now)
    {
        var question = QuestionKey.Parse(Question)!;
        EnsureMayWrite(application, question, by);
        var kept = Checked(text);
        if (kept == Text) return;
        Text = kept;
        WrittenBy = by.UserId!.Value;
        WrittenAt = now;
        Raise(new AnswerSummaryWritten(application.Id, question, by, now));
    }

    /// <summary>Only a coach summarises, only a text answer, and only when the answers are not in Dutch already.</summary>
    public static bool Applies(Application application, QuestionKey question) =>
        application.AnswerLanguage != "nl" && Summarisable.Contains(question);

    private static void EnsureMayWrite(Application application, QuestionKey question, Actor by)
    {
        if (by.UserId is null || by.Role != ActorRole.Coach) throw new DomainException("Summary.NotAllowed");
        if (!Applies(application, question)) throw new DomainException("Summary.NotNeeded");
    }

    public static string Checked(string? text)
    {
        var kept = UserText.WithoutInvisibleFormatting(text ?? "").Trim();
        if (kept.Length == 0) throw new DomainException("Summary.Text.Required");
        if (kept.Length > MaxLength) throw new DomainException("Summary.Text.TooLong");
        return kept;
    }
}

public sealed record AnswerSummaryWritten(Guid ApplicationId, QuestionKey Question, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public const string Name = "application.summary-written";
    public override string Action => Name;
    public override string? Detail => Question.Value;
}
