using Portal.Domain.Common;
using Portal.Domain.Schemes;

namespace Portal.Domain.Applications;

public sealed class BudgetLine
{
    private BudgetLine() { }

    internal BudgetLine(Guid applicationId, CostCategory category, string? description, Money.Money amount, int position)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Category = category;
        Description = description;
        AmountCents = amount.Cents;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public CostCategory Category { get; private set; }
    public string? Description { get; private set; }
    public long AmountCents { get; private set; }
    public int Position { get; private set; }
    public Money.Money Amount => new(AmountCents);
}

public sealed class Attachment
{
    private Attachment() { }

    internal Attachment(Guid applicationId, DocumentKind kind, string fileName, string contentType, long sizeBytes, Guid uploadedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    /// <summary>The information request this file answers (sent after submission), or null for a file of the application itself.</summary>
    public Guid? InformationRequestId { get; internal set; }
    /// <summary>The objection (bezwaar) this file was sent with, or null.</summary>
    public Guid? ObjectionId { get; internal set; }
}

/// <summary>One step on the status timeline.</summary>
public sealed class ApplicationEvent
{
    private ApplicationEvent() { }

    internal ApplicationEvent(Guid applicationId, ApplicationStatus status, Guid? by, DateTimeOffset now)
    {
        ApplicationId = applicationId;
        Status = status;
        ByUserId = by;
        OccurredAt = now;
    }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    /// <summary>Null when the portal itself made the move (a term that ran out).</summary>
    public Guid? ByUserId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
}

/// <summary>The optional answer to "How easy was this?" after submitting.</summary>
public sealed class EaseFeedback
{
    private EaseFeedback() { }

    public EaseFeedback(Guid applicationId, int score, string? comment, DateTimeOffset now)
    {
        if (score is < 1 or > 5) throw new DomainException("Feedback.Score.Range");
        ApplicationId = applicationId;
        Score = score;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, 2000)];
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public int Score { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
