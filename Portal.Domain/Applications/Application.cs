using Portal.Domain.Common;
using Portal.Domain.Schemes;

namespace Portal.Domain.Applications;

public enum SectionStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>The cost categories of an informal group's budget (DIGEST A-23).</summary>
public enum CostCategory
{
    RoomHire,
    Materials,
    FoodAndDrink,
    VolunteerAllowance,
    Publicity,
    Other,
}

/// <summary>
/// An application for one scheme by one organisation. Answers may be written in any language; <see cref="AnswerLanguage"/>
/// records which. Every change of state goes through <see cref="ApplicationStateMachine"/>.
/// </summary>
public sealed class Application
{
    private readonly List<BudgetLine> budgetLines = [];
    private readonly List<Attachment> attachments = [];
    private readonly List<ApplicationEvent> events = [];

    private Application() { }

    public Application(Guid organisationId, int schemeId, string answerLanguage, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        SchemeId = schemeId;
        AnswerLanguage = answerLanguage;
        Status = ApplicationStatus.Draft;
        CreatedAt = UpdatedAt = now;
        events.Add(new ApplicationEvent(Id, ApplicationStatus.Draft, createdBy, now));
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int SchemeId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public string? Reference { get; private set; }
    public string AnswerLanguage { get; private set; } = "nl";

    // About the activity: asked positively — what you will do together.
    public string? Title { get; private set; }
    public string? Description { get; private set; }
    public string? ForWhom { get; private set; }
    public int? ParticipantCount { get; private set; }
    public string? Neighbourhood { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public string? HowOthersJoin { get; private set; }

    public long OwnContributionCents { get; private set; }
    public long OtherFundingCents { get; private set; }
    public bool DeclarationAccepted { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DraftReminderSentAt { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<BudgetLine> BudgetLines => budgetLines;
    public IReadOnlyList<Attachment> Attachments => attachments;
    public IReadOnlyList<ApplicationEvent> Events => events;

    public Money.Money TotalCosts => budgetLines.Aggregate(Money.Money.Zero, (total, line) => total + line.Amount);
    public Money.Money OwnContribution => new(OwnContributionCents);
    public Money.Money OtherFunding => new(OtherFundingCents);
    /// <summary>What the group asks of the municipality: the costs that its own money and other funding do not cover.</summary>
    public Money.Money Requested => TotalCosts - OwnContribution - OtherFunding is { Cents: > 0 } requested ? requested : Money.Money.Zero;

    public SectionStatus ActivityStatus =>
        new object?[] { Title, Description, ForWhom, ParticipantCount, Neighbourhood, StartsOn, HowOthersJoin } switch
        {
            var answers when answers.All(a => a is null) => SectionStatus.NotStarted,
            var answers when answers.All(a => a is not null) => SectionStatus.Done,
            _ => SectionStatus.InProgress,
        };

    public SectionStatus BudgetStatus => budgetLines.Count == 0 && OwnContributionCents == 0 && OtherFundingCents == 0
        ? SectionStatus.NotStarted
        : budgetLines.Count > 0 && Requested.Cents > 0 ? SectionStatus.Done : SectionStatus.InProgress;

    public SectionStatus AttachmentsStatus(Scheme scheme)
    {
        // The budget plan is the typed cost overview: only the documents sent as a file count here.
        var required = scheme.DocumentsToUpload(Requested);
        if (required.Count == 0) return SectionStatus.Done;
        var present = required.Count(kind => attachments.Any(a => a.Kind == kind));
        return present == 0 ? SectionStatus.NotStarted : present == required.Count ? SectionStatus.Done : SectionStatus.InProgress;
    }

    /// <summary>The language the answers are written in (any of <see cref="Languages.AnswerLanguages"/>).</summary>
    public void WriteAnswersIn(string language, DateTimeOffset now)
    {
        EnsureDraft();
        if (!Languages.AnswerLanguages.IsKnown(language)) throw new DomainException("AnswerLanguage.Unknown");
        AnswerLanguage = language;
        UpdatedAt = now;
    }

    public void DescribeActivity(string? title, string? description, string? forWhom, int? participantCount, string? neighbourhood,
        DateOnly? startsOn, DateOnly? endsOn, string? howOthersJoin, DateTimeOffset now)
    {
        EnsureDraft();
        if (participantCount is < 1 or > 100_000) throw new DomainException("Activity.Participants.Range");
        if (startsOn is not null && endsOn is not null && endsOn < startsOn) throw new DomainException("Activity.Dates.EndBeforeStart");
        if (neighbourhood is not null && !Organisations.Neighbourhoods.IsKnown(neighbourhood)) throw new DomainException("Organisation.Neighbourhood.Unknown");
        Title = Clean(title, 200);
        Description = Clean(description, 4000);
        ForWhom = Clean(forWhom, 2000);
        ParticipantCount = participantCount;
        Neighbourhood = neighbourhood;
        StartsOn = startsOn;
        EndsOn = endsOn;
        HowOthersJoin = Clean(howOthersJoin, 2000);
        UpdatedAt = now;
    }

    public BudgetLine AddCost(CostCategory category, string? description, Money.Money amount, DateTimeOffset now)
    {
        EnsureDraft();
        // The one rule for a cost's amount, for a typed row and for a row put back with "undo" alike.
        if (amount.Cents <= 0) throw new DomainException("Budget.Amount.Positive");
        Money.Money.EnsureNotAboveMaximum(amount);
        if (budgetLines.Count >= 50) throw new DomainException("Budget.TooManyRows");
        var line = new BudgetLine(Id, category, Clean(description, 200), amount, budgetLines.Count == 0 ? 1 : budgetLines.Max(l => l.Position) + 1);
        budgetLines.Add(line);
        UpdatedAt = now;
        return line;
    }

    public void RemoveCost(Guid lineId, DateTimeOffset now)
    {
        EnsureDraft();
        budgetLines.RemoveAll(l => l.Id == lineId);
        UpdatedAt = now;
    }

    public void SetFunding(Money.Money ownContribution, Money.Money otherFunding, DateTimeOffset now)
    {
        EnsureDraft();
        if (ownContribution.Cents < 0 || otherFunding.Cents < 0) throw new DomainException("Money.Negative");
        Money.Money.EnsureNotAboveMaximum(ownContribution);
        Money.Money.EnsureNotAboveMaximum(otherFunding);
        OwnContributionCents = ownContribution.Cents;
        OtherFundingCents = otherFunding.Cents;
        UpdatedAt = now;
    }

    /// <summary>Records an uploaded file; its bytes are stored apart (they are read only when downloaded).</summary>
    public Attachment Attach(DocumentKind kind, string fileName, string contentType, long sizeBytes, Guid uploadedBy, DateTimeOffset now)
    {
        EnsureDraft();
        // Shown to reviewers and offered on download: it must read as what it is.
        var shown = new string(UserText.WithoutInvisibleFormatting(fileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        var attachment = new Attachment(Id, kind, shown, contentType, sizeBytes, uploadedBy, now);
        attachments.Add(attachment);
        UpdatedAt = now;
        return attachment;
    }

    public void RemoveAttachment(Guid attachmentId, DateTimeOffset now)
    {
        EnsureDraft();
        attachments.RemoveAll(a => a.Id == attachmentId);
        UpdatedAt = now;
    }

    /// <returns>The resource keys of what is still missing before the application can be submitted.</returns>
    public IReadOnlyList<string> MissingForSubmission(Scheme scheme)
    {
        var missing = new List<string>();
        if (ActivityStatus != SectionStatus.Done) missing.Add("Submit.Missing.Activity");
        if (BudgetStatus != SectionStatus.Done) missing.Add("Submit.Missing.Budget");
        else if (scheme.CheckRequestedAmount(Requested) is { } amountProblem) missing.Add(amountProblem);
        if (AttachmentsStatus(scheme) != SectionStatus.Done) missing.Add("Submit.Missing.Attachments");
        return missing;
    }

    /// <summary>Submits once: the reference comes from the database sequence; a second submit changes nothing.</summary>
    public void Submit(Scheme scheme, bool declarationAccepted, string reference, Guid by, DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Submitted) return;
        if (!declarationAccepted) throw new DomainException("Submit.Declaration.Required");
        if (MissingForSubmission(scheme) is [var first, ..]) throw new DomainException(first);
        ApplicationStateMachine.EnsureCanMove(Status, ApplicationStatus.Submitted);
        DeclarationAccepted = true;
        Reference = reference;
        Status = ApplicationStatus.Submitted;
        SubmittedAt = UpdatedAt = now;
        events.Add(new ApplicationEvent(Id, Status, by, now));
    }

    public void Withdraw(Guid by, DateTimeOffset now)
    {
        ApplicationStateMachine.EnsureCanMove(Status, ApplicationStatus.Withdrawn);
        Status = ApplicationStatus.Withdrawn;
        UpdatedAt = now;
        events.Add(new ApplicationEvent(Id, Status, by, now));
    }

    /// <summary>The latest day the municipality decides: the scheme's weeks after submission.</summary>
    public DateOnly? DecisionDueOn(Scheme scheme) =>
        SubmittedAt is { } submitted ? DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(7 * scheme.DecisionWeeks) : null;

    public bool NeedsDraftReminder(DateTimeOffset now) =>
        Status == ApplicationStatus.Draft && DraftReminderSentAt is null && now - UpdatedAt >= TimeSpan.FromDays(14);

    public void DraftReminderSent(DateTimeOffset now) => DraftReminderSentAt = now;

    private void EnsureDraft()
    {
        if (Status != ApplicationStatus.Draft) throw new DomainException("Application.NotDraft");
    }

    private static string? Clean(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) throw new DomainException("Answer.TooLong");
        return trimmed;
    }
}

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
}

/// <summary>One step on the status timeline.</summary>
public sealed class ApplicationEvent
{
    private ApplicationEvent() { }

    internal ApplicationEvent(Guid applicationId, ApplicationStatus status, Guid by, DateTimeOffset now)
    {
        ApplicationId = applicationId;
        Status = status;
        ByUserId = by;
        OccurredAt = now;
    }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public Guid ByUserId { get; private set; }
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
