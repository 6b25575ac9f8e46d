using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Domain.Applications;

/// <summary>
/// What the request asks, in the reviewer's words, and what came back: the text is sent in the email itself, so the
/// applicant knows what is asked without signing in first.
/// </summary>
public sealed partial class InformationRequest
{
    /// <summary>Room for a clear request or answer; a longer story belongs in a file.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The usual term of a completeness request (art. 4:5 Awb): two weeks, moved past a weekend day or holiday.</summary>
    public const int DefaultTermDays = 14;

    /// <summary>The reminder goes this many days before the term ends.</summary>
    public const int ReminderDaysBefore = 3;

    /// <summary>The decision not to process is made known within four weeks after the term ran out unused (art. 4:5(4) Awb).</summary>
    public const int NotProcessWithinDays = 4 * 7;

    /// <summary>What is asked. Null only for requests from before the portal stored it.</summary>
    public string? Text { get; private set; }

    /// <summary>What the applicant (or their coach) wrote back; files are attachments that name this request.</summary>
    public string? AnswerText { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    /// <summary>When the one reminder before the end of the term was put in the outbox.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>The last day to answer when the reviewer sets the usual term today.</summary>
    public static DateOnly DefaultRespondBy(DateOnly today, AtwCalendar calendar) => calendar.TermEndingOn(today.AddDays(DefaultTermDays));

    /// <summary>
    /// The reminder is due from three days before the last day, once, while the request is open — not for a term so short
    /// that the request itself was sent within those days.
    /// </summary>
    public bool NeedsReminder(DateOnly today) =>
        IsOpen && Kind == InformationRequestKind.Completeness && ReminderSentAt is null && RespondBy is { } last
        && today >= last.AddDays(-ReminderDaysBefore) && today <= last && SentOn < last.AddDays(-ReminderDaysBefore);

    /// <summary>
    /// The latest day to make known the decision not to process the application (art. 4:5(4) Awb): four weeks after the
    /// term ran out unused, moved to the next working day by the Algemene termijnenwet. Null unless the term lapsed.
    /// </summary>
    public DateOnly? NotProcessDecisionDueOn(AtwCalendar calendar) =>
        Kind == InformationRequestKind.Completeness && LapsedAt is not null && RespondBy is { } last
            ? calendar.TermEndingOn(last.AddDays(NotProcessWithinDays))
            : null;

    internal void Write(string text) => Text = text;

    internal void WriteAnswer(string? text, Guid? by)
    {
        AnswerText = text;
        AnsweredBy = by;
    }

    internal void Reminded(DateTimeOffset now) => ReminderSentAt = now;

    /// <summary>Any language and emoji kept as typed (invisible formatting removed); empty or too long is refused.</summary>
    public static string? CheckedText(string? text, bool required, string requiredKey)
    {
        var kept = UserText.WithoutInvisibleFormatting(text ?? "").Trim();
        if (kept.Length == 0) return required ? throw new DomainException(requiredKey) : null;
        if (kept.Length > MaxTextLength) throw new DomainException("Request.Error.TooLong");
        return kept;
    }
}

/// <summary>Requests in the reviewer's words, answers with text and files, the reminder and the 4:5(4) date.</summary>
public sealed partial class Application
{
    /// <summary>
    /// A completeness request (art. 4:5 Awb) with what is missing in the reviewer's words and a term: it suspends the
    /// decision term (see <see cref="RequestCompletion"/>). The term must be a later day; a weekend day or holiday moves it on.
    /// </summary>
    public InformationRequest SendCompletionRequest(string? text, QuestionKey? about, DateOnly respondBy, AtwCalendar calendar, Actor by,
        DateTimeOffset now)
    {
        var written = InformationRequest.CheckedText(text, required: true, "Request.Error.TextRequired")!;
        if (!by.IsStaff) throw new DomainException("Application.TransitionNotAllowed");
        if (Status == ApplicationStatus.InformationRequested) throw new DomainException("Request.Error.AlreadyOpen");
        if (respondBy <= NijmegenTime.DayOf(now)) throw new DomainException("Request.Error.TermPast");
        var request = RequestCompletion(about, respondBy, calendar, by, now);
        request.Write(written);
        return request;
    }

    /// <summary>A question in the reviewer's words: it suspends nothing and the state stays as it is.</summary>
    public InformationRequest SendQuestion(string? text, QuestionKey? about, Actor by, DateTimeOffset now)
    {
        var written = InformationRequest.CheckedText(text, required: true, "Request.Error.TextRequired")!;
        var request = AskQuestion(about, by, now);
        request.Write(written);
        return request;
    }

    /// <summary>
    /// A file sent with the answer to an open request: stored like the application's attachments (same rules, same
    /// storage), marked with the request. It can be added after submission, unlike the application's own files.
    /// </summary>
    public Attachment AttachToAnswer(Guid requestId, string fileName, string contentType, long sizeBytes, Actor by, DateTimeOffset now)
    {
        if (!by.WritesAnswers || by.UserId is not { } userId) throw new DomainException("Application.NotYours");
        if (!informationRequests.Any(r => r.Id == requestId && r.IsOpen)) throw new DomainException("InformationRequest.NotOpen");
        var shown = new string(UserText.WithoutInvisibleFormatting(fileName).Where(c => !char.IsControl(c)).ToArray()).Trim();
        var attachment = new Attachment(Id, Schemes.DocumentKind.Other, shown, contentType, sizeBytes, userId, now)
        {
            InformationRequestId = requestId,
        };
        attachments.Add(attachment);
        return attachment;
    }

    /// <summary>The files sent with the answer to one request.</summary>
    public IReadOnlyList<Attachment> AnswerFiles(Guid requestId) => attachments.Where(a => a.InformationRequestId == requestId).ToList();

    /// <summary>
    /// The applicant (or their coach) answers with text, files (attached first with <see cref="AttachToAnswer"/>) or both;
    /// once no completeness request is open, the application is back in review.
    /// </summary>
    public void AnswerRequest(Guid requestId, string? text, Actor by, DateTimeOffset now)
    {
        if (informationRequests.FirstOrDefault(r => r.Id == requestId && r.IsOpen) is not { } request)
            throw new DomainException("InformationRequest.NotOpen");
        if (!by.WritesAnswers) throw new DomainException("Application.NotYours");
        var written = InformationRequest.CheckedText(text, required: false, "Request.Error.AnswerRequired");
        if (written is null && AnswerFiles(requestId).Count == 0) throw new DomainException("Request.Error.AnswerRequired");
        request.WriteAnswer(written, by.UserId);
        AnswerInformationRequest(requestId, by, now);
    }

    /// <summary>
    /// The portal's daily care of open requests: the one reminder three days before a term ends, then closing the terms
    /// that ran out unused (back to review). Returns whether anything changed.
    /// </summary>
    public bool TendRequests(DateTimeOffset now)
    {
        var today = NijmegenTime.DayOf(now);
        var changed = false;
        foreach (var request in informationRequests.Where(r => r.NeedsReminder(today)))
        {
            request.Reminded(now);
            Raise(new InformationRequestReminderDue(Id, request, Actor.System, now));
            changed = true;
        }
        if (informationRequests.Any(r => r.Kind == InformationRequestKind.Completeness && r.TermRanOut(today)))
        {
            CloseLapsedRequests(now);
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// While undecided after a completeness term ran out unused: the latest day to make known that the application is not
    /// processed (art. 4:5(4) Awb), for the inbox and the reviewer. Null otherwise.
    /// </summary>
    public DateOnly? NotProcessDecisionDueOn(AtwCalendar calendar) =>
        ApplicationStateMachine.IsDecided(Status) || Status == ApplicationStatus.Withdrawn
            ? null
            : informationRequests.Select(r => r.NotProcessDecisionDueOn(calendar)).Max();
}

/// <summary>The reminder three days before the end of a completeness term; the email goes out with it.</summary>
public sealed record InformationRequestReminderDue(Guid ApplicationId, InformationRequest Request, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.information-request-reminded";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"request {Request.Id}; respond by {Request.RespondBy:yyyy-MM-dd}");
}
