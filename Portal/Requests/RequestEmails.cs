using Microsoft.Extensions.Localization;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Infrastructure.Email;

namespace Portal.Requests;

/// <summary>
/// The emails of requests and messages, each in the recipient's language, with what is asked or said in the email itself
/// (quoted), the link to answer in the portal on its own line, and the plain sentence that a reply to the email does not
/// arrive (docs/decisions/0015-requests-and-messages.md). Sent from domain events (<see cref="RequestMail"/>), never a page.
/// </summary>
public sealed class RequestEmails(EmailOutbox outbox, IStringLocalizer text)
{
    public void CompletenessRequested(PortalUser user, Application application, InformationRequest request, string answerLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
            (text["Request.Email.Completeness.Subject", application.Reference!],
                Join(text["Request.Email.Completeness.Body", application.Reference!, Quote(request.Text), About(text, request.AboutKey),
                    ApplicationDisplay.Date(request.RespondBy!.Value, culture), answerLink])));

    public void QuestionAsked(PortalUser user, Application application, InformationRequest request, string answerLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, _ =>
            (text["Request.Email.Question.Subject", application.Reference!],
                Join(text["Request.Email.Question.Body", application.Reference!, Quote(request.Text), About(text, request.AboutKey), answerLink])));

    public void Reminder(PortalUser user, Application application, InformationRequest request, string answerLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
            (text["Request.Email.Reminder.Subject", application.Reference!],
                Join(text["Request.Email.Reminder.Body", application.Reference!, Quote(request.Text),
                    ApplicationDisplay.Date(request.RespondBy!.Value, culture), answerLink])));

    /// <summary>To the reviewer who asked: the answer came, with its text.</summary>
    public void Answered(PortalUser reviewer, Application application, InformationRequest request, string reviewLink) =>
        outbox.Enqueue(reviewer.Email!, reviewer.PreferredLanguage, _ =>
            (text["Request.Email.Answered.Subject", application.Reference!],
                Join(text["Request.Email.Answered.Body", application.Reference!,
                    request.AnswerText is null ? text["Request.Email.Answered.FilesOnly"].Value : Quote(request.AnswerText), reviewLink])));

    /// <summary>A reviewer's message to the applicant's side (members and coaches with access).</summary>
    public void MessageToApplicant(PortalUser user, Application application, string message, string threadLink) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, _ =>
            (text["Request.Email.Message.Subject", application.Reference!],
                Join(text["Request.Email.Message.Body", application.Reference!, Quote(message), threadLink])));

    /// <summary>A reviewer's question to a coach of the group, for context; the group's members do not read it.</summary>
    public void QuestionToCoach(PortalUser coach, Application application, string message, string threadLink) =>
        outbox.Enqueue(coach.Email!, coach.PreferredLanguage, _ =>
            (text["Request.Email.CoachQuestion.Subject", application.Reference!],
                Join(text["Request.Email.CoachQuestion.Body", application.Reference!, Quote(message), threadLink])));

    /// <summary>The applicant's (or coach's) message to the reviewers who work on the application.</summary>
    public void MessageToReviewer(PortalUser reviewer, Application application, string message, string threadLink) =>
        outbox.Enqueue(reviewer.Email!, reviewer.PreferredLanguage, _ =>
            (text["Request.Email.MessageToReviewer.Subject", application.Reference!],
                Join(text["Request.Email.MessageToReviewer.Body", application.Reference!, Quote(message), threadLink])));

    /// <summary>The label of the question or part a request is about ("the whole application" when none).</summary>
    public static string About(IStringLocalizer text, string? aboutKey) =>
        text[aboutKey is null ? "Request.About.Whole" : "Request.About." + aboutKey];

    /// <summary>The words as written, each line quoted, so they stand apart from the portal's own text.</summary>
    public static string Quote(string? words) =>
        string.Join("\n", (words ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => "> " + line.TrimEnd()));

    private string Join(string body) => body + "\n\n" + text["Request.Email.NoReply"].Value;
}
