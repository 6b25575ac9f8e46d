using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Terms;

namespace Portal.Domain.Assessment;

/// <summary>Stored by name, so never rename one.</summary>
public enum AssessmentState
{
    /// <summary>Being written: scores, notes and the outcome are kept as the reviewer types, nothing is final.</summary>
    Draft,
    /// <summary>Proposed: waiting for an approver (four-eyes) or for the reviewer to take the decision.</summary>
    Proposed,
    /// <summary>The proposal became the decision.</summary>
    Decided,
}

/// <summary>How a criterion was marked. Stored by name, so never rename one.</summary>
public enum CriterionMark
{
    Score,
    /// <summary>"n.v.t.": the criterion does not apply to this activity; it does not count in the total.</summary>
    NotApplicable,
    /// <summary>The reviewer cannot score it yet: ask the applicant first (no outcome can rest on it).</summary>
    NeedMoreInformation,
}

/// <summary>
/// One reviewer's assessment of one application against the scheme's framework: a mark and note per criterion, feedback
/// for the applicant (part of the reasons, art. 3:46 Awb), and the proposed outcome with its reasons. Kept as a draft —
/// each reviewer has their own — until proposed; then an approver (four-eyes) or, below the threshold, the reviewer
/// decides through <see cref="Decide"/>, the one place a proposal becomes a decision.
/// </summary>
public sealed class ApplicationAssessment : AggregateRoot
{
    public const int MaxNoteLength = 2000;
    public const int MaxTextLength = Application.MaxSuggestionsLength;
    public const int MaxCutReasonLength = 500;

    private readonly List<CriterionScore> scores = [];
    private readonly List<BudgetCut> cuts = [];

    private ApplicationAssessment() { }

    public ApplicationAssessment(Application application, Actor by, DateTimeOffset now)
    {
        if (by.Role != ActorRole.Reviewer || by.UserId is not { } assessor) throw new DomainException("Application.TransitionNotAllowed");
        Id = Guid.NewGuid();
        ApplicationId = application.Id;
        AssessorId = assessor;
        State = AssessmentState.Draft;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid AssessorId { get; private set; }
    public AssessmentState State { get; private set; }
    public string? Feedback { get; private set; }
    public ProposedOutcome? Outcome { get; private set; }
    /// <summary>The template keys the reviewer ticked for <see cref="Outcome"/>, separated by ";".</summary>
    public string ReasonKeys { get; private set; } = "";
    public string? ReasonText { get; private set; }
    /// <summary>Whether the applicant was heard on facts that differ from what they wrote (art. 4:7 Awb), when that applies.</summary>
    public bool ApplicantHeard { get; private set; }
    /// <summary>The amount proposed to grant (cents): set when proposed.</summary>
    public long? GrantAmountCents { get; private set; }
    public bool NeedsApproval { get; private set; }
    public DateTimeOffset? ProposedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? SentBackNote { get; private set; }
    public Guid? SentBackBy { get; private set; }
    public DateTimeOffset? SentBackAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<CriterionScore> Scores => scores;
    public IReadOnlyList<BudgetCut> Cuts => cuts;
    public IReadOnlyList<string> Reasons => ReasonKeys.Split(';', StringSplitOptions.RemoveEmptyEntries);
    public Money.Money? GrantAmount => GrantAmountCents is { } cents ? new Money.Money(cents) : null;

    public CriterionScore? ScoreOf(string criterionKey) => scores.FirstOrDefault(s => s.CriterionKey == criterionKey);

    /// <summary>Marks one criterion: a score on the scheme's scale, n.v.t., or "need more information"; null clears it.</summary>
    public void Score(AssessmentFramework framework, string criterionKey, CriterionMark? mark, int? score, string? note, Actor by, DateTimeOffset now)
    {
        EnsureDraftOf(by);
        if (framework.Criteria.All(c => c.Key != criterionKey)) throw new DomainException("Assessment.Criterion.Unknown");
        if (mark == CriterionMark.Score && (score is not { } s || s < 1 || s > framework.ScaleMax)) throw new DomainException("Assessment.Score.Range");
        var written = Text(note, MaxNoteLength);
        var existing = ScoreOf(criterionKey);
        if (mark is null && written is null)
        {
            if (existing is not null) scores.Remove(existing);
        }
        else if (existing is null) scores.Add(new CriterionScore(Id, criterionKey, mark, mark == CriterionMark.Score ? score : null, written));
        else existing.Set(mark, mark == CriterionMark.Score ? score : null, written);
        UpdatedAt = now;
    }

    private string questionSuggestions = QuestionSuggestions.Empty;

    /// <summary>Suggestions at single questions (with a return): shown to the applicant at each question.</summary>
    public IReadOnlyDictionary<QuestionKey, string> SuggestionsAtQuestions => QuestionSuggestions.Read(questionSuggestions);

    /// <summary>A suggestion at one question; an empty text removes it.</summary>
    public void SuggestAt(QuestionKey question, string? text, Actor by, DateTimeOffset now)
    {
        EnsureDraftOf(by);
        questionSuggestions = QuestionSuggestions.With(questionSuggestions, question, text);
        UpdatedAt = now;
    }

    public void WriteFeedback(string? feedback, Actor by, DateTimeOffset now)
    {
        EnsureDraftOf(by);
        Feedback = Text(feedback, MaxTextLength);
        UpdatedAt = now;
    }

    /// <summary>The outcome the reviewer has in mind, with the reasons: templates of that outcome and their own words.</summary>
    public void ChooseOutcome(ProposedOutcome? outcome, IEnumerable<string> templateKeys, string? reasonText, bool applicantHeard, Actor by,
        DateTimeOffset now)
    {
        EnsureDraftOf(by);
        Outcome = outcome;
        ReasonKeys = outcome is { } chosen ? string.Join(';', templateKeys.Where(k => ReasonTemplates.IsKnown(chosen, k)).Distinct()) : "";
        ReasonText = Text(reasonText, MaxTextLength);
        ApplicantHeard = applicantHeard;
        UpdatedAt = now;
    }

    /// <summary>
    /// A cut of a partial grant: how much of one cost row is not granted, and why (each cut has its own reason, art. 3:46
    /// Awb). A zero or empty amount without a reason removes the cut.
    /// </summary>
    public void Cut(Application application, Guid budgetLineId, Money.Money? amount, string? reason, Actor by, DateTimeOffset now)
    {
        EnsureDraftOf(by);
        if (application.Id != ApplicationId) throw new ArgumentException("Another application.", nameof(application));
        if (application.BudgetLines.FirstOrDefault(l => l.Id == budgetLineId) is not { } line) throw new DomainException("Assessment.Cut.Unknown");
        var why = Text(reason, MaxCutReasonLength);
        var existing = cuts.FirstOrDefault(c => c.BudgetLineId == budgetLineId);
        if (amount is not { Cents: > 0 } cut)
        {
            if (amount is { Cents: < 0 }) throw new DomainException("Assessment.Cut.Range");
            if (existing is not null) cuts.Remove(existing);
            if (why is not null) cuts.Add(new BudgetCut(Id, budgetLineId, 0, why));
        }
        else
        {
            if (cut > line.Amount) throw new DomainException("Assessment.Cut.Range");
            if (existing is not null) cuts.Remove(existing);
            cuts.Add(new BudgetCut(Id, budgetLineId, cut.Cents, why));
        }
        UpdatedAt = now;
    }

    /// <summary>What a grant would pay: the requested amount, less the cuts of a partial grant.</summary>
    public Money.Money AmountToGrant(Application application) =>
        Outcome switch
        {
            ProposedOutcome.Grant => application.Requested,
            ProposedOutcome.PartialGrant => application.Requested - new Money.Money(cuts.Sum(c => c.AmountCents)) is { Cents: > 0 } rest
                ? rest : Money.Money.Zero,
            _ => Money.Money.Zero,
        };

    /// <summary>
    /// The weighted total as a share of the highest possible (0–100), over the criteria scored; n.v.t. does not count.
    /// Null while nothing is scored.
    /// </summary>
    public int? WeightedPercentage(AssessmentFramework framework)
    {
        var scored = framework.Criteria.Select(c => (c.Weight, Score: ScoreOf(c.Key)))
            .Where(c => c.Score is { Mark: CriterionMark.Score, Value: not null }).ToList();
        if (scored.Count == 0) return null;
        var total = scored.Sum(c => c.Weight * c.Score!.Value!.Value);
        var highest = scored.Sum(c => c.Weight * framework.ScaleMax);
        return (int)Math.Round(100m * total / highest, MidpointRounding.AwayFromZero);
    }

    /// <returns>The resource keys of what stands in the way of proposing <see cref="Outcome"/> now (empty: it can be proposed).</returns>
    public IReadOnlyList<string> ProblemsWithProposal(Application application, AssessmentFramework framework, DateOnly today)
    {
        var problems = new List<string>();
        if (Outcome is not { } outcome) return ["Assessment.Outcome.Required"];
        // While a completeness request is open the applicant may still add what decides it: wait for the answer or the term.
        if (application.Status != ApplicationStatus.InReview) problems.Add("Assessment.Propose.NotInReview");
        if (outcome != ProposedOutcome.NotProcess)
        {
            if (framework.Criteria.Any(c => ScoreOf(c.Key)?.Mark is null)) problems.Add("Assessment.Propose.ScoresMissing");
            if (scores.Any(s => s.Mark == CriterionMark.NeedMoreInformation)) problems.Add("Assessment.Propose.NeedsInformation");
        }
        if (Reasons.Count == 0 && ReasonText is null) problems.Add("Assessment.Reasons.Required");
        switch (outcome)
        {
            case ProposedOutcome.PartialGrant:
                var real = cuts.Where(c => c.AmountCents > 0).ToList();
                if (real.Count == 0) problems.Add("Assessment.Cut.Required");
                if (real.Any(c => c.Reason is null)) problems.Add("Assessment.Cut.ReasonRequired");
                if (AmountToGrant(application).Cents <= 0) problems.Add("Assessment.Cut.Everything");
                break;
            case ProposedOutcome.NotProcess:
                // Art. 4:5 Awb: only after a completeness request whose term ran out unused.
                if (!application.InformationRequests.Any(r => r.Kind == InformationRequestKind.Completeness && r.LapsedAt is not null))
                    problems.Add("Assessment.NotProcess.NoLapsedRequest");
                break;
            case ProposedOutcome.ReturnWithSuggestions:
                // Art. 4:15(2)(a) Awb: without the applicant's written consent to the delay, "not like this" is a refusal.
                if (!application.HasActiveDelayConsent(today)) problems.Add("Assessment.Return.NoConsent");
                if (Feedback is null && SuggestionsAtQuestions.Count == 0) problems.Add("Assessment.Return.FeedbackRequired");
                break;
        }
        return problems;
    }

    /// <summary>
    /// Proposes the outcome: the application moves to "decision proposed", and the proposal goes to an approver when the
    /// scheme's four-eyes rule asks for one. Refused with the first problem when something stands in the way.
    /// </summary>
    public void Propose(Application application, AssessmentFramework framework, Actor by, DateTimeOffset now)
    {
        EnsureDraftOf(by);
        if (application.Id != ApplicationId || framework.SchemeId != application.SchemeId) throw new ArgumentException("Another application or scheme.");
        if (ProblemsWithProposal(application, framework, NijmegenTime.DayOf(now)) is [var first, ..]) throw new DomainException(first);
        var outcome = Outcome!.Value;
        var amount = AmountToGrant(application);
        application.ProposeDecision(outcome, by, now,
            outcome is ProposedOutcome.ReturnWithSuggestions or ProposedOutcome.Refuse or ProposedOutcome.PartialGrant ? Feedback : null,
            outcome is ProposedOutcome.ReturnWithSuggestions ? questionSuggestions : null);
        GrantAmountCents = outcome is ProposedOutcome.Grant or ProposedOutcome.PartialGrant ? amount.Cents : null;
        NeedsApproval = framework.NeedsApprover(outcome, amount);
        State = AssessmentState.Proposed;
        ProposedAt = UpdatedAt = now;
        SentBackNote = null;
        Raise(new AssessmentProposed(ApplicationId, Id, outcome, GrantAmountCents, NeedsApproval, by, now));
    }

    /// <summary>
    /// The one place a proposal becomes a decision. An approver decides any proposal but their own (four-eyes: also when they
    /// hold the reviewer role, and also when the form is posted directly); the assessor decides their own only when no
    /// approver is needed. The portal spends a grant's budget in the same transaction (Portal.Review.ProposalDecisions).
    /// </summary>
    public void Decide(Application application, Actor by, DateTimeOffset now)
    {
        if (application.Id != ApplicationId) throw new ArgumentException("Another application.", nameof(application));
        if (State != AssessmentState.Proposed || application.Status != ApplicationStatus.DecisionProposed)
            throw new DomainException("Assessment.NotProposed");
        switch (by.Role)
        {
            case ActorRole.Approver when by.UserId == AssessorId:
                throw new DomainException("Assessment.Approve.OwnProposal");
            case ActorRole.Approver:
                break;
            case ActorRole.Reviewer when by.UserId == AssessorId && !NeedsApproval:
                break;
            case ActorRole.Reviewer when NeedsApproval:
                throw new DomainException("Assessment.Approve.NeedsApprover");
            default:
                throw new DomainException("Application.TransitionNotAllowed");
        }
        application.Decide(by, now);
        State = AssessmentState.Decided;
        DecidedBy = by.UserId;
        DecidedAt = UpdatedAt = now;
        Raise(new ProposalDecided(ApplicationId, Id, Outcome!.Value, GrantAmountCents, by, now));
    }

    /// <summary>The approver sends the proposal back to review with a note; the assessor's draft opens again.</summary>
    public void SendBack(Application application, string? note, Actor by, DateTimeOffset now)
    {
        if (application.Id != ApplicationId) throw new ArgumentException("Another application.", nameof(application));
        if (State != AssessmentState.Proposed || application.Status != ApplicationStatus.DecisionProposed)
            throw new DomainException("Assessment.NotProposed");
        if (by.Role != ActorRole.Approver) throw new DomainException("Application.TransitionNotAllowed");
        if (by.UserId == AssessorId) throw new DomainException("Assessment.Approve.OwnProposal");
        var written = Text(note, MaxNoteLength) ?? throw new DomainException("Assessment.SendBack.NoteRequired");
        application.SendProposalBack(by, now);
        State = AssessmentState.Draft;
        NeedsApproval = false;
        GrantAmountCents = null;
        ProposedAt = null;
        SentBackNote = written;
        SentBackBy = by.UserId;
        SentBackAt = UpdatedAt = now;
        Raise(new ProposalSentBack(ApplicationId, Id, by, now));
    }

    /// <summary>
    /// The decision this assessment led to was reopened: the assessment is a draft again, so the assessor can look at it anew
    /// and propose again (four-eyes applies again). What the earlier decision rested on stays frozen on that decision.
    /// </summary>
    public void DecisionReopened(Actor by, DateTimeOffset now)
    {
        if (by.Role != ActorRole.Approver) throw new DomainException("Application.TransitionNotAllowed");
        if (State != AssessmentState.Decided) return;
        State = AssessmentState.Draft;
        NeedsApproval = false;
        GrantAmountCents = null;
        ProposedAt = null;
        UpdatedAt = now;
    }

    /// <summary>Records that the draft was saved, naming the criteria marked (never the text typed).</summary>
    public void Saved(Actor by, DateTimeOffset now) =>
        Raise(new AssessmentSaved(ApplicationId, Id, string.Join(",", scores.Where(s => s.Mark is not null).Select(s => $"{s.CriterionKey}={Shown(s)}")), by, now));

    private static string Shown(CriterionScore score) => score.Mark == CriterionMark.Score ? score.Value.ToString()! : score.Mark.ToString()!;

    private void EnsureDraftOf(Actor by)
    {
        if (by.Role != ActorRole.Reviewer || by.UserId != AssessorId) throw new DomainException("Assessment.NotYours");
        if (State != AssessmentState.Draft) throw new DomainException("Assessment.AlreadyProposed");
    }

    private static string? Text(string? text, int max)
    {
        var written = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return written is { Length: var length } && length > max ? throw new DomainException("Answer.TooLong") : written;
    }
}

/// <summary>The mark and note on one criterion.</summary>
public sealed class CriterionScore
{
    private CriterionScore() { }

    internal CriterionScore(Guid assessmentId, string criterionKey, CriterionMark? mark, int? value, string? note)
    {
        Id = Guid.NewGuid();
        AssessmentId = assessmentId;
        CriterionKey = criterionKey;
        Set(mark, value, note);
    }

    public Guid Id { get; private set; }
    public Guid AssessmentId { get; private set; }
    public string CriterionKey { get; private set; } = "";
    public CriterionMark? Mark { get; private set; }
    public int? Value { get; private set; }
    public string? Note { get; private set; }

    internal void Set(CriterionMark? mark, int? value, string? note)
    {
        Mark = mark;
        Value = value;
        Note = note;
    }
}

/// <summary>The part of one cost row a partial grant does not pay, and why.</summary>
public sealed class BudgetCut
{
    private BudgetCut() { }

    internal BudgetCut(Guid assessmentId, Guid budgetLineId, long amountCents, string? reason)
    {
        Id = Guid.NewGuid();
        AssessmentId = assessmentId;
        BudgetLineId = budgetLineId;
        AmountCents = amountCents;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid AssessmentId { get; private set; }
    public Guid BudgetLineId { get; private set; }
    public long AmountCents { get; private set; }
    public string? Reason { get; private set; }
    public Money.Money Amount => new(AmountCents);
}

/// <summary>A draft saved: which criteria carry which mark (no text typed, so nothing personal in the trail).</summary>
public sealed record AssessmentSaved(Guid ApplicationId, Guid AssessmentId, string Marks, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.assessment-saved";
    public override string? Detail => $"assessment {AssessmentId}; {Marks}";
}

public sealed record AssessmentProposed(Guid ApplicationId, Guid AssessmentId, ProposedOutcome Outcome, long? AmountCents, bool NeedsApproval,
    Actor Actor, DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.assessment-proposed";
    public override string? Detail => $"assessment {AssessmentId}; {Outcome}; {AmountCents?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} cents; "
        + (NeedsApproval ? "to an approver" : "reviewer decides");
}

public sealed record ProposalDecided(Guid ApplicationId, Guid AssessmentId, ProposedOutcome Outcome, long? AmountCents, Actor Actor,
    DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.proposal-approved";
    public override string? Detail => $"assessment {AssessmentId}; {Outcome}; {AmountCents?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} cents";
}

public sealed record ProposalSentBack(Guid ApplicationId, Guid AssessmentId, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.proposal-sent-back";
    public override string? Detail => $"assessment {AssessmentId}";
}
