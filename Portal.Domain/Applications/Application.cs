using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Organisations;
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
/// records which. Every change of state goes through <see cref="ApplicationStateMachine"/> with the role of whoever
/// makes it, and raises an <see cref="ApplicationStatusChanged"/> that the audit trail records.
/// </summary>
public sealed partial class Application : AggregateRoot
{
    private readonly List<BudgetLine> budgetLines = [];
    private readonly List<Attachment> attachments = [];
    private readonly List<ApplicationEvent> events = [];

    private Application() { }

    public Application(Guid organisationId, int schemeId, string answerLanguage, Actor by, DateTimeOffset now)
    {
        if (!by.WritesAnswers) throw new DomainException("Application.TransitionNotAllowed");
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        SchemeId = schemeId;
        AnswerLanguage = answerLanguage;
        Status = ApplicationStatus.Draft;
        CreatedAt = UpdatedAt = now;
        events.Add(new ApplicationEvent(Id, ApplicationStatus.Draft, by.UserId, now));
        Raise(new ApplicationStarted(Id, organisationId, schemeId, by, now));
    }

    /// <summary>
    /// Starts an application, or returns the draft the organisation already has for this scheme (one draft per scheme:
    /// a double click or a second tab opens the same draft). The organisation's profile must be complete and the scheme open.
    /// </summary>
    public static Application Start(Organisation organisation, Scheme scheme, IEnumerable<Application> applicationsOfOrganisation,
        string answerLanguage, Actor by, DateTimeOffset now)
    {
        if (!scheme.IsOpenOn(Terms.NijmegenTime.DayOf(now))) throw new DomainException("Application.Start.Closed");
        if (!organisation.IsComplete) throw new DomainException("Application.Start.OrganisationIncomplete");
        if (applicationsOfOrganisation.Where(a => a.OrganisationId == organisation.Id && a.SchemeId == scheme.Id && a.Status == ApplicationStatus.Draft)
                .OrderByDescending(a => a.UpdatedAt).FirstOrDefault() is { } draft)
            return draft;
        return new Application(organisation.Id, scheme.Id, answerLanguage, by, now);
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
    /// <summary>When the application was first received: the decision term runs from here, also after a new submission.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? DraftReminderSentAt { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<BudgetLine> BudgetLines => budgetLines;
    public IReadOnlyList<Attachment> Attachments => attachments;
    public IReadOnlyList<ApplicationEvent> Events => events;

    /// <summary>The applicant (or a coach allowed to edit) may change the answers now.</summary>
    public bool IsEditable => ApplicationStateMachine.IsEditable(Status);

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
    public void WriteAnswersIn(string language, Actor by, DateTimeOffset now)
    {
        EnsureEditableBy(by);
        if (!Languages.AnswerLanguages.IsKnown(language)) throw new DomainException("AnswerLanguage.Unknown");
        AnswerLanguage = language;
        Changed(QuestionKey.AnswerLanguage, by, now);
    }

    public void DescribeActivity(string? title, string? description, string? forWhom, int? participantCount, string? neighbourhood,
        DateOnly? startsOn, DateOnly? endsOn, string? howOthersJoin, Actor by, DateTimeOffset now)
    {
        EnsureEditableBy(by);
        if (participantCount is < 1 or > 100_000) throw new DomainException("Activity.Participants.Range");
        // An end date says when something that started ends: without a start it means nothing.
        if (startsOn is null && endsOn is not null) throw new DomainException("Activity.Dates.StartMissing");
        if (startsOn is not null && endsOn is not null && endsOn < startsOn) throw new DomainException("Activity.Dates.EndBeforeStart");
        if (neighbourhood is not null && !Organisations.Neighbourhoods.IsKnown(neighbourhood)) throw new DomainException("Organisation.Neighbourhood.Unknown");
        var before = (Title, Description, ForWhom, ParticipantCount, Neighbourhood, StartsOn, EndsOn, HowOthersJoin);
        Title = Clean(title, QuestionKey.Title);
        Description = Clean(description, QuestionKey.Description);
        ForWhom = Clean(forWhom, QuestionKey.ForWhom);
        ParticipantCount = participantCount;
        Neighbourhood = neighbourhood;
        StartsOn = startsOn;
        EndsOn = endsOn;
        HowOthersJoin = Clean(howOthersJoin, QuestionKey.HowOthersJoin);
        UpdatedAt = now;
        // One event per question that changed, so a coach's edit names the question it touched.
        (QuestionKey Key, bool Same)[] compared =
        [
            (QuestionKey.Title, before.Title == Title), (QuestionKey.Description, before.Description == Description),
            (QuestionKey.ForWhom, before.ForWhom == ForWhom), (QuestionKey.Participants, before.ParticipantCount == ParticipantCount),
            (QuestionKey.Where, before.Neighbourhood == Neighbourhood), (QuestionKey.When, before.StartsOn == StartsOn && before.EndsOn == EndsOn),
            (QuestionKey.HowOthersJoin, before.HowOthersJoin == HowOthersJoin),
        ];
        foreach (var (key, _) in compared.Where(c => !c.Same)) Raise(new ApplicationAnswerChanged(Id, key, by, now));
    }

    public BudgetLine AddCost(CostCategory category, string? description, Money.Money amount, Actor by, DateTimeOffset now)
    {
        EnsureEditableBy(by);
        // The one rule for a cost's amount, for a typed row and for a row put back with "undo" alike.
        if (amount.Cents <= 0) throw new DomainException("Budget.Amount.Positive");
        Money.Money.EnsureNotAboveMaximum(amount);
        if (budgetLines.Count >= 50) throw new DomainException("Budget.TooManyRows");
        var line = new BudgetLine(Id, category, Clean(description, QuestionKey.Costs), amount, budgetLines.Count == 0 ? 1 : budgetLines.Max(l => l.Position) + 1);
        budgetLines.Add(line);
        Changed(QuestionKey.Costs, by, now);
        return line;
    }

    public void RemoveCost(Guid lineId, Actor by, DateTimeOffset now)
    {
        EnsureEditableBy(by);
        if (budgetLines.RemoveAll(l => l.Id == lineId) > 0) Changed(QuestionKey.Costs, by, now);
    }

    public void SetFunding(Money.Money ownContribution, Money.Money otherFunding, Actor by, DateTimeOffset now)
    {
        EnsureEditableBy(by);
        if (ownContribution.Cents < 0 || otherFunding.Cents < 0) throw new DomainException("Money.Negative");
        Money.Money.EnsureNotAboveMaximum(ownContribution);
        Money.Money.EnsureNotAboveMaximum(otherFunding);
        OwnContributionCents = ownContribution.Cents;
        OtherFundingCents = otherFunding.Cents;
        Changed(QuestionKey.Funding, by, now);
    }

    /// <summary>
    /// Records an uploaded file; its bytes are stored apart (they are read only when downloaded). Only the documents the
    /// scheme asks for at the requested amount are taken.
    /// </summary>
    public Attachment Attach(Scheme scheme, DocumentKind kind, string fileName, string contentType, long sizeBytes, Actor by, DateTimeOffset now)
    {
        EnsureEditableBy(by);
        if (!TakesAttachment(scheme, kind)) throw new DomainException("Attachment.Error.Kind");
        // Shown to reviewers and offered on download: it must read as what it is.
        var shown = new string(UserText.WithoutInvisibleFormatting(fileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        var attachment = new Attachment(Id, kind, shown, contentType, sizeBytes, by.UserId ?? Guid.Empty, now);
        attachments.Add(attachment);
        Changed(QuestionKey.Attachment(kind), by, now);
        return attachment;
    }

    /// <summary>Whether a document of this kind may be attached: only what the scheme asks for at the requested amount.</summary>
    public bool TakesAttachment(Scheme scheme, DocumentKind kind) => scheme.RequiredDocuments(Requested).Contains(kind);

    public void RemoveAttachment(Guid attachmentId, Actor by, DateTimeOffset now)
    {
        EnsureEditableBy(by);
        if (attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment) return;
        attachments.Remove(attachment);
        Changed(QuestionKey.Attachment(attachment.Kind), by, now);
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

    /// <summary>
    /// Submits once: the reference comes from the database sequence; a second submit changes nothing. After a return with
    /// suggestions the application is submitted again under the reference it has, and the consented delay ends.
    /// </summary>
    public void Submit(Scheme scheme, Organisation organisation, bool declarationAccepted, string? reference, Actor by, DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Submitted) return;
        if (organisation.Id != OrganisationId) throw new ArgumentException("Another organisation's profile.", nameof(organisation));
        if (!declarationAccepted) throw new DomainException("Submit.Declaration.Required");
        if (!organisation.IsComplete) throw new DomainException("Check.Missing.Organisation");
        if (MissingForSubmission(scheme) is [var first, ..]) throw new DomainException(first);
        ApplicationStateMachine.EnsureCanMove(Status, ApplicationStatus.Submitted, by.Role);
        var again = Reference is not null;
        Reference ??= reference ?? throw new ArgumentNullException(nameof(reference), "A first submission needs a reference.");
        DeclarationAccepted = true;
        SubmittedAt ??= now;
        foreach (var consent in delayConsents) consent.End(now);
        MoveTo(ApplicationStatus.Submitted, by, now, again ? $"{Reference} submitted again" : Reference);
    }

    public void Withdraw(Actor by, DateTimeOffset now) => MoveTo(ApplicationStatus.Withdrawn, by, now);

    public bool NeedsDraftReminder(DateTimeOffset now) =>
        Status == ApplicationStatus.Draft && DraftReminderSentAt is null && now - UpdatedAt >= TimeSpan.FromDays(14);

    public void DraftReminderSent(DateTimeOffset now) => DraftReminderSentAt = now;

    /// <summary>The one way the state changes: checked against the table for the actor's role, on the timeline, raised for the audit trail.</summary>
    private void MoveTo(ApplicationStatus to, Actor by, DateTimeOffset now, string? note = null)
    {
        ApplicationStateMachine.EnsureCanMove(Status, to, by.Role);
        var from = Status;
        Status = to;
        UpdatedAt = now;
        events.Add(new ApplicationEvent(Id, to, by.UserId, now));
        Raise(new ApplicationStatusChanged(Id, from, to, note, by, now));
    }

    private void Changed(QuestionKey question, Actor by, DateTimeOffset now)
    {
        UpdatedAt = now;
        Raise(new ApplicationAnswerChanged(Id, question, by, now));
    }

    private void EnsureEditableBy(Actor by)
    {
        if (!IsEditable) throw new DomainException("Application.NotDraft");
        // Reviewers and approvers read answers; only the applicant, or a coach they allowed to edit, writes them.
        if (!by.WritesAnswers) throw new DomainException("Application.NotYours");
    }

    private static string? Clean(string? value, QuestionKey question)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > question.MaxLength) throw new DomainException("Answer.TooLong");
        return trimmed;
    }
}
