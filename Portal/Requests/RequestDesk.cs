using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Messages;
using Portal.Domain.Terms;
using Portal.Infrastructure.Files;

namespace Portal.Requests;

/// <summary>
/// The work behind the request and message pages: sending a request or a question, answering one with text and files,
/// writing in the thread. Pages check access first (the application they pass is one the user may act on); this class
/// calls the domain's verbs and saves once, so the audit rows and the mail go in the same transaction.
/// </summary>
public sealed class RequestDesk(PortalDbContext db, TimeProvider clock)
{
    /// <summary>At most this many files with one answer (each within the attachment rules, together at most 25 MB).</summary>
    public const int MaxFilesPerAnswer = 5;

    /// <summary>A message of the thread with who wrote it (an address for staff, "the municipality" for the applicant).</summary>
    public sealed record Shown(ApplicationMessage Message, string AuthorEmail);

    public async Task<InformationRequest> SendAsync(Application application, InformationRequestKind kind, string? text, string? about,
        DateOnly? respondBy, Actor by)
    {
        var now = clock.GetUtcNow();
        var question = about is null or "" ? null : QuestionKey.Parse(about) ?? throw new DomainException("Request.Error.About");
        var request = kind == InformationRequestKind.Completeness
            ? application.SendCompletionRequest(text, question, respondBy ?? throw new DomainException("Request.Error.TermRequired"),
                AtwCalendar.Netherlands, by, now)
            : application.SendQuestion(text, question, by, now);
        await db.SaveChangesAsync();
        return request;
    }

    /// <summary>
    /// Checks every file like an attachment (size, type, content), then stores the files and the answer in one SaveChanges:
    /// an answer is never half stored. A refused file refuses the whole answer, with the reason's resource key.
    /// </summary>
    public async Task AnswerAsync(Application application, Guid requestId, string? text, IReadOnlyList<FileUpload> uploads, Actor by)
    {
        var now = clock.GetUtcNow();
        var checkedFiles = FileUpload.CheckAll(uploads, MaxFilesPerAnswer, "Request.Error.TooManyFiles");
        foreach (var (upload, contentType) in checkedFiles)
        {
            var attachment = application.AttachToAnswer(requestId, FileInspector.SafeFileName(upload.FileName), contentType,
                upload.Content.LongLength, by, now);
            db.Add(attachment);
            db.AttachmentFiles.Add(new AttachmentFile { AttachmentId = attachment.Id, Content = upload.Content });
        }
        application.AnswerRequest(requestId, text, by, now);
        await db.SaveChangesAsync();
    }

    /// <summary>Who reads a message: the whole thread, the reviewers alone (an internal note), or the reviewers and the group's coaches.</summary>
    public enum Audience { Thread, InternalNote, CoachesOnly }

    /// <summary>Who reads the thread: staff read all of it, a coach all but internal notes, a member neither those nor the coaches' part.</summary>
    public enum Reader { Staff, Coach, Member }

    public async Task<ApplicationMessage> WriteAsync(Application application, string? text, Audience audience, Actor by)
    {
        var now = clock.GetUtcNow();
        var message = audience switch
        {
            Audience.InternalNote => ApplicationMessage.Note(application, text, by, now),
            Audience.CoachesOnly => ApplicationMessage.ForCoachesOnly(application, text, by, now),
            _ => ApplicationMessage.Write(application, text, by, now),
        };
        db.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    /// <summary>
    /// The thread, oldest first, as <paramref name="reader"/> may read it: the applicant's and a coach's query never reads
    /// an internal note from the database, and a member's never the coaches' part, so no page can show one by mistake.
    /// </summary>
    public async Task<IReadOnlyList<Shown>> ThreadAsync(Guid applicationId, Reader reader)
    {
        var messages = await db.Set<ApplicationMessage>().AsNoTracking()
            .Where(m => m.ApplicationId == applicationId && (reader == Reader.Staff || !m.IsInternal) && (reader != Reader.Member || !m.ForCoaches))
            .OrderBy(m => m.CreatedAt).ToListAsync();
        var authors = messages.Select(m => m.AuthorId).Distinct().ToList();
        var emails = authors.Count == 0 ? [] : await db.Users.Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "");
        return messages.Select(m => new Shown(m, emails.GetValueOrDefault(m.AuthorId, ""))).ToList();
    }

    /// <summary>Whether a coach has access to the application now (a grant the group gave and did not take back).</summary>
    public Task<bool> HasCoachAsync(Guid applicationId) =>
        db.CoachGrants.AnyAsync(g => g.ApplicationId == applicationId && g.RevokedAt == null);
}
