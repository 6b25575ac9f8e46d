using Portal.Domain.Common;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Domain.Applications;

/// <summary>The outcome a reviewer proposes. Stored by name, so never rename one.</summary>
public enum ProposedOutcome
{
    Grant,
    PartialGrant,
    Refuse,
    /// <summary>Not processed (art. 4:5 Awb), after a completeness request went unanswered within its term.</summary>
    NotProcess,
    /// <summary>Back to the applicant to improve: only with their written consent to the delay, otherwise it is a refusal.</summary>
    ReturnWithSuggestions,
}

/// <summary>Review, information requests and the decision term: what happens after submission.</summary>
public sealed partial class Application
{
    private readonly List<InformationRequest> informationRequests = [];
    private readonly List<DelayConsent> delayConsents = [];
    private readonly List<TermExtension> termExtensions = [];

    public IReadOnlyList<InformationRequest> InformationRequests => informationRequests;
    public IReadOnlyList<DelayConsent> DelayConsents => delayConsents;
    public IReadOnlyList<TermExtension> TermExtensions => termExtensions;
    public ProposedOutcome? ProposedOutcome { get; private set; }

    /// <summary>A reviewer takes the application up.</summary>
    public void StartReview(Actor by, DateTimeOffset now) => MoveTo(ApplicationStatus.InReview, by, now);

    /// <summary>
    /// Asks the applicant to complete the application (art. 4:5 Awb). With a term (<paramref name="respondBy"/>) it suspends
    /// the decision term; without one it does not. A term that ends on a weekend day or holiday runs on to the next working day.
    /// </summary>
    public InformationRequest RequestCompletion(QuestionKey? about, DateOnly? respondBy, AtwCalendar calendar, Actor by, DateTimeOffset now)
    {
        if (respondBy is { } day && day <= NijmegenTime.DayOf(now)) throw new DomainException("InformationRequest.Term.Past");
        var request = new InformationRequest(Id, InformationRequestKind.Completeness, about,
            respondBy is { } last ? calendar.TermEndingOn(last) : null, by.UserId, now);
        MoveTo(ApplicationStatus.InformationRequested, by, now);
        informationRequests.Add(request);
        Raise(new InformationRequestSent(Id, request, by, now));
        return request;
    }

    /// <summary>A plain question: the applicant is asked, nothing is suspended and the state stays as it is.</summary>
    public InformationRequest AskQuestion(QuestionKey? about, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff || Status is not (ApplicationStatus.InReview or ApplicationStatus.InformationRequested))
            throw new DomainException("Application.TransitionNotAllowed");
        var request = new InformationRequest(Id, InformationRequestKind.Question, about, null, by.UserId, now);
        informationRequests.Add(request);
        Raise(new InformationRequestSent(Id, request, by, now));
        return request;
    }

    /// <summary>The applicant (or their coach) answers; once no completeness request is open, the application is back in review.</summary>
    public void AnswerInformationRequest(Guid requestId, Actor by, DateTimeOffset now)
    {
        if (informationRequests.FirstOrDefault(r => r.Id == requestId && r.IsOpen) is not { } request)
            throw new DomainException("InformationRequest.NotOpen");
        if (!by.WritesAnswers && by.Role != ActorRole.Reviewer) throw new DomainException("Application.TransitionNotAllowed");
        request.Answered(now);
        Raise(new InformationRequestClosed(Id, request.Id, Lapsed: false, by, now));
        if (Status == ApplicationStatus.InformationRequested && !HasOpenCompletenessRequest) MoveTo(ApplicationStatus.InReview, by, now);
    }

    /// <summary>The portal closes completeness requests whose term ran out unused; the application goes back to review.</summary>
    public void CloseLapsedRequests(DateTimeOffset now)
    {
        var today = NijmegenTime.DayOf(now);
        var lapsed = informationRequests.Where(r => r.Kind == InformationRequestKind.Completeness && r.TermRanOut(today)).ToList();
        foreach (var request in lapsed)
        {
            request.Lapsed(now);
            Raise(new InformationRequestClosed(Id, request.Id, Lapsed: true, Actor.System, now));
        }
        if (lapsed.Count > 0 && Status == ApplicationStatus.InformationRequested && !HasOpenCompletenessRequest)
            MoveTo(ApplicationStatus.InReview, Actor.System, now, "term ran out unused");
    }

    private bool HasOpenCompletenessRequest => informationRequests.Any(r => r.Kind == InformationRequestKind.Completeness && r.IsOpen);

    /// <summary>
    /// Records the applicant's written consent to a later decision, until <paramref name="until"/> (art. 4:15(2)(a) Awb).
    /// The applicant gives it in the portal, or staff record one given by letter or email; <paramref name="statement"/> says how.
    /// </summary>
    public DelayConsent RecordDelayConsent(DateOnly givenOn, DateOnly until, string statement, Actor by, DateTimeOffset now)
    {
        if (by.Role == ActorRole.System || Status is ApplicationStatus.Draft or ApplicationStatus.Withdrawn || ApplicationStateMachine.IsDecided(Status))
            throw new DomainException("Application.TransitionNotAllowed");
        var today = NijmegenTime.DayOf(now);
        if (givenOn > today || until <= givenOn) throw new DomainException("DelayConsent.Dates");
        var written = string.IsNullOrWhiteSpace(statement) ? throw new DomainException("DelayConsent.Statement.Required") : statement.Trim();
        if (written.Length > DelayConsent.MaxStatementLength) throw new DomainException("Answer.TooLong");
        var consent = new DelayConsent(Id, givenOn, until, written, by.UserId, now);
        delayConsents.Add(consent);
        Raise(new DelayConsentRecorded(Id, givenOn, until, by, now));
        return consent;
    }

    public bool HasActiveDelayConsent(DateOnly today) => delayConsents.Any(c => c.IsActive(today));

    /// <summary>
    /// Extends the decision term (art. 4:14 Awb): only before it has ended, only to a later date, and always with a notice
    /// to the applicant that names the new date and why (the notice is mailed with this change).
    /// </summary>
    public TermExtension ExtendDecisionTerm(Scheme scheme, DateOnly newDate, string reason, AtwCalendar calendar, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff || SubmittedAt is null || Status is ApplicationStatus.Withdrawn || ApplicationStateMachine.IsDecided(Status))
            throw new DomainException("Application.TransitionNotAllowed");
        var why = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Term.Extension.Reason.Required") : reason.Trim();
        if (why.Length > TermExtension.MaxReasonLength) throw new DomainException("Answer.TooLong");
        var named = DecisionTerm(scheme, calendar, now)!.CheckExtension(NijmegenTime.DayOf(now), newDate, calendar);
        var extension = new TermExtension(Id, named, why, by.UserId, now);
        termExtensions.Add(extension);
        Raise(new DecisionTermExtended(Id, named, why, by, now));
        return extension;
    }

    /// <summary>
    /// The reviewer proposes an outcome. <paramref name="suggestions"/> says what the applicant could improve: required for a
    /// return, and possible with a (partial) refusal — the Awb's other way to say "not like this", which carries the
    /// objection clause like every decision (<see cref="Decisions.Decision.LastDayToObject"/>).
    /// </summary>
    public void ProposeDecision(ProposedOutcome outcome, Actor by, DateTimeOffset now, string? suggestions = null,
        string? suggestionsAtQuestions = null)
    {
        var written = string.IsNullOrWhiteSpace(suggestions) ? null : suggestions.Trim();
        if (written is { Length: > MaxSuggestionsLength }) throw new DomainException("Answer.TooLong");
        var atQuestions = QuestionSuggestions.Read(suggestionsAtQuestions);
        // A return says what to improve: in general, at the questions it is about, or both.
        if (outcome == Applications.ProposedOutcome.ReturnWithSuggestions && written is null && atQuestions.Count == 0)
            throw new DomainException("Decision.Return.SuggestionsRequired");
        if (written is not null && outcome is not (Applications.ProposedOutcome.ReturnWithSuggestions or Applications.ProposedOutcome.Refuse
                or Applications.ProposedOutcome.PartialGrant))
            throw new DomainException("Decision.Suggestions.NotForThisOutcome");
        MoveTo(ApplicationStatus.DecisionProposed, by, now, $"proposed {outcome}");
        ProposedOutcome = outcome;
        Suggestions = written;
        // Only a return reopens the questions, so only a return points at them; a refusal's letter carries the one text.
        questionSuggestions = outcome == Applications.ProposedOutcome.ReturnWithSuggestions
            ? QuestionSuggestions.Write(atQuestions.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            : QuestionSuggestions.Empty;
    }

    private string questionSuggestions = QuestionSuggestions.Empty;

    /// <summary>
    /// The suggestions of a return, each at the question it is about (shown there while the application is back with the
    /// applicant). Empty for other outcomes.
    /// </summary>
    public IReadOnlyDictionary<QuestionKey, string> SuggestionsAtQuestions => QuestionSuggestions.Read(questionSuggestions);

    /// <summary>The suggestion at <paramref name="key"/> while the application is back with the applicant to improve it, or null.</summary>
    public string? SuggestionAt(QuestionKey key) =>
        Status == ApplicationStatus.ReturnedWithSuggestions ? SuggestionsAtQuestions.GetValueOrDefault(key) : null;

    public const int MaxSuggestionsLength = 4000;

    /// <summary>What the applicant could improve: with a return, or with a (partial) refusal. Shown to the applicant.</summary>
    public string? Suggestions { get; private set; }

    /// <summary>When the decision was taken (the last step to a decided state), or null while undecided.</summary>
    public DateTimeOffset? DecidedAt => ApplicationStateMachine.IsDecided(Status) ? events.LastOrDefault(e => e.Status == Status)?.OccurredAt : null;

    /// <summary>The approver sends the proposal back to review.</summary>
    public void SendProposalBack(Actor by, DateTimeOffset now)
    {
        MoveTo(ApplicationStatus.InReview, by, now);
        ProposedOutcome = null;
    }

    /// <summary>
    /// Takes the proposed outcome. A return with suggestions rests on the applicant's consent to the delay; without it the
    /// law knows only a (partial) refusal with the objection clause, so it is refused here and must be proposed as one.
    /// </summary>
    public void Decide(Actor by, DateTimeOffset now)
    {
        if (Status != ApplicationStatus.DecisionProposed || ProposedOutcome is not { } outcome)
            throw new DomainException("Application.TransitionNotAllowed");
        if (outcome == Applications.ProposedOutcome.ReturnWithSuggestions && !HasActiveDelayConsent(NijmegenTime.DayOf(now)))
            throw new DomainException("Decision.Return.ConsentRequired");
        MoveTo(outcome switch
        {
            Applications.ProposedOutcome.Grant => ApplicationStatus.Granted,
            Applications.ProposedOutcome.PartialGrant => ApplicationStatus.PartiallyGranted,
            Applications.ProposedOutcome.Refuse => ApplicationStatus.Rejected,
            Applications.ProposedOutcome.NotProcess => ApplicationStatus.NotProcessed,
            _ => ApplicationStatus.ReturnedWithSuggestions,
        }, by, now);
        if (outcome == Applications.ProposedOutcome.ReturnWithSuggestions) ProposedOutcome = null;
    }

    /// <summary>The consented delay ended without a new submission: back to review, to be decided as it stands.</summary>
    public void ResumeReview(Actor by, DateTimeOffset now)
    {
        if (Status == ApplicationStatus.ReturnedWithSuggestions && HasActiveDelayConsent(NijmegenTime.DayOf(now)))
            throw new DomainException("DelayConsent.StillRunning");
        MoveTo(ApplicationStatus.InReview, by, now);
        foreach (var consent in delayConsents) consent.End(now);
    }

    /// <summary>The decision term as of <paramref name="now"/>, or null before the application is received.</summary>
    public DecisionTerm? DecisionTerm(Scheme scheme, AtwCalendar calendar, DateTimeOffset now)
    {
        if (SubmittedAt is not { } received) return null;
        var today = NijmegenTime.DayOf(now);
        var suspensions = informationRequests.Select(r => r.Suspension(today))
            .Concat(delayConsents.Select(c => c.Suspension(today)))
            .OfType<Suspension>().ToList();
        return Terms.DecisionTerm.Calculate(NijmegenTime.DayOf(received), scheme.DecisionWeeks, scheme.ServiceTargetWeeks, suspensions,
            termExtensions.Select(e => e.AsExtension).ToList(), today, calendar);
    }

    /// <summary>The latest day the municipality decides under the Awb (see <see cref="DecisionTerm"/>), or null before submission.</summary>
    public DateOnly? DecisionDueOn(Scheme scheme, DateTimeOffset now) => DecisionTerm(scheme, AtwCalendar.Netherlands, now)?.LegalDate;
}
