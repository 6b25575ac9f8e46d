using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Terms;

namespace Portal.Domain.Review;

/// <summary>
/// A submitted application as the reviewers' inbox sees it: who has it, what each reviewer declared about a conflict of
/// interest (Awb 2:4), and — kept in step with the application on every save that changes its state or its decision
/// term — the facts the list filters and sorts on (scheme, state, neighbourhood, amount, the legal and service-target
/// dates). A draft never has one: the row is made when an application is first sent in, so the inbox cannot list drafts.
/// </summary>
public sealed class ReviewCase : AggregateRoot
{
    public const int MaxNoteLength = 2000;

    private readonly List<InterestDeclaration> declarations = [];

    private ReviewCase() { }

    public ReviewCase(Guid applicationId, Guid organisationId, string organisationName, bool firstApplication)
    {
        ApplicationId = applicationId;
        OrganisationId = organisationId;
        OrganisationName = organisationName;
        FirstApplication = firstApplication;
    }

    public Guid ApplicationId { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>The group's name as it is now (kept in step when the group renames itself), for the list and its search.</summary>
    public string OrganisationName { get; private set; } = "";
    public int SchemeId { get; private set; }
    public string Reference { get; private set; } = "";
    public ApplicationStatus Status { get; private set; }
    /// <summary>"District/Neighbourhood" or "District", as the application names it.</summary>
    public string? Neighbourhood { get; private set; }
    public long RequestedCents { get; private set; }
    /// <summary>The organisation had sent none in before this one, and did not say it applied before elsewhere.</summary>
    public bool FirstApplication { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The legal decision date as of <see cref="TermAsOf"/> (while a completeness request is open it moves daily).</summary>
    public DateOnly LegalDate { get; private set; }
    public DateOnly ServiceTargetDate { get; private set; }
    public DateOnly TermAsOf { get; private set; }
    public Guid? ReviewerId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    /// <summary>The note of the last hand-over, for the reviewer who received it.</summary>
    public string? HandOverNote { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<InterestDeclaration> Declarations => declarations;

    /// <summary>The group took another name.</summary>
    public void GroupRenamed(string name) => OrganisationName = name;

    /// <summary>The application's facts for the list, taken again after a change of its state or term.</summary>
    public void Follow(Application application, DecisionTerm term, DateOnly today)
    {
        SchemeId = application.SchemeId;
        Reference = application.Reference ?? "";
        Status = application.Status;
        Neighbourhood = application.Neighbourhood;
        RequestedCents = application.Requested.Cents;
        ReceivedAt = application.SubmittedAt ?? ReceivedAt;
        LegalDate = term.LegalDate;
        ServiceTargetDate = term.ServiceTargetDate;
        TermAsOf = today;
    }

    /// <summary>What <paramref name="reviewerId"/> declared on this application, or null before they did.</summary>
    public InterestDeclaration? DeclarationOf(Guid reviewerId) => declarations.FirstOrDefault(d => d.ReviewerId == reviewerId);

    public bool IsBarred(Guid reviewerId) => DeclarationOf(reviewerId) is { HasConflict: true };

    /// <summary>
    /// The reviewer declares, before the full application opens to them, whether they have a personal interest in it (art.
    /// 2:4 Awb: decide without prejudice). Once, and for good: a conflict bars them from the application and, when they had
    /// it, releases it so someone else takes it over.
    /// </summary>
    public InterestDeclaration Declare(bool hasConflict, string? explanation, Actor by, DateTimeOffset now)
    {
        if (by.Role != ActorRole.Reviewer || by.UserId is not { } reviewer) throw new DomainException("Application.TransitionNotAllowed");
        if (DeclarationOf(reviewer) is not null) throw new DomainException("Review.Declaration.AlreadyGiven");
        var written = Written(explanation);
        if (written is { Length: > MaxNoteLength }) throw new DomainException("Answer.TooLong");
        var declaration = new InterestDeclaration(ApplicationId, reviewer, hasConflict, hasConflict ? written : null, now);
        declarations.Add(declaration);
        Raise(new InterestsDeclared(ApplicationId, hasConflict, by, now));
        if (hasConflict && ReviewerId == reviewer)
        {
            ReviewerId = null;
            AssignedAt = null;
            Raise(new ReviewerReleased(ApplicationId, reviewer, "conflict of interest", by, now));
        }
        return declaration;
    }

    /// <summary>The reviewer takes the application. Someone else's is taken over only by handing over (with a note).</summary>
    public void AssignToSelf(Actor by, DateTimeOffset now)
    {
        var reviewer = ReviewerOf(by);
        EnsureMayWorkOn(reviewer);
        if (ReviewerId == reviewer) return;
        if (ReviewerId is not null) throw new DomainException("Review.Assign.Taken");
        ReviewerId = reviewer;
        AssignedAt = now;
        HandOverNote = null;
        Raise(new ReviewerAssigned(ApplicationId, reviewer, null, by, now));
    }

    /// <summary>Hands the application over to another reviewer, with a note for them on what was done and what is left.</summary>
    public void HandOver(Guid to, string? note, Actor by, DateTimeOffset now)
    {
        var reviewer = ReviewerOf(by);
        if (ReviewerId is { } holder && holder != reviewer) throw new DomainException("Review.Assign.Taken");
        if (to == reviewer) throw new DomainException("Review.HandOver.Self");
        if (IsBarred(to)) throw new DomainException("Review.HandOver.Barred");
        var written = Written(note) ?? throw new DomainException("Review.HandOver.NoteRequired");
        if (written.Length > MaxNoteLength) throw new DomainException("Answer.TooLong");
        ReviewerId = to;
        AssignedAt = now;
        HandOverNote = written;
        Raise(new ReviewerAssigned(ApplicationId, to, written, by, now));
    }

    /// <summary>A reviewer opened the full application: staff views are audited.</summary>
    public void Viewed(Actor by, DateTimeOffset now) => Raise(new ApplicationViewedByStaff(ApplicationId, by, now));

    private void EnsureMayWorkOn(Guid reviewer)
    {
        if (DeclarationOf(reviewer) is not { HasConflict: false }) throw new DomainException("Review.Declaration.Required");
    }

    private static string? Written(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Guid ReviewerOf(Actor by) =>
        by.Role == ActorRole.Reviewer && by.UserId is { } id ? id : throw new DomainException("Application.TransitionNotAllowed");
}

/// <summary>One reviewer's declaration on one application: no conflict of interest, or one (and then a short why).</summary>
public sealed class InterestDeclaration
{
    private InterestDeclaration() { }

    internal InterestDeclaration(Guid applicationId, Guid reviewerId, bool hasConflict, string? explanation, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        ReviewerId = reviewerId;
        HasConflict = hasConflict;
        Explanation = explanation;
        DeclaredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid ReviewerId { get; private set; }
    public bool HasConflict { get; private set; }
    public string? Explanation { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }
}

public sealed record ReviewerAssigned(Guid ApplicationId, Guid ReviewerId, string? Note, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => Note is null ? "application.reviewer-assigned" : "application.handed-over";
    public override string? Detail => $"reviewer {ReviewerId}";
}

public sealed record ReviewerReleased(Guid ApplicationId, Guid ReviewerId, string Why, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.reviewer-released";
    public override string? Detail => $"reviewer {ReviewerId}; {Why}";
}

public sealed record InterestsDeclared(Guid ApplicationId, bool HasConflict, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => HasConflict ? "application.conflict-declared" : "application.no-conflict-declared";
}

public sealed record ApplicationViewedByStaff(Guid ApplicationId, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.viewed-by-staff";
}
