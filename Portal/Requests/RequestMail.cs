using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Messages;
using Portal.Domain.Review;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Requests;

/// <summary>
/// The mail that requests and messages cause, put in the outbox of the same SaveChanges (called by the
/// DomainEventRecorder): a request, a question and the reminder go to the applicant's side — every member and every
/// coach the members let in — and a message from a reviewer too; an answer goes to the reviewer who asked, and the
/// applicant's message to the reviewers who work on the application, each when they chose mail about each event (a digest
/// reviewer reads it in <see cref="Review.ReviewDigest"/>); a reviewer's question to the coaches goes to them alone. An
/// internal note is never mailed.
/// </summary>
internal static class RequestMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var mailing = events.Where(e => e is InformationRequestSent or InformationRequestReminderDue
            or InformationRequestClosed { Lapsed: false } or ApplicationMessagePosted { IsInternal: false }).Cast<ApplicationDomainEvent>().ToList();
        if (mailing.Count == 0) return;

        var clock = services.GetRequiredService<TimeProvider>();
        var text = services.GetRequiredService<PortalText>();
        var links = services.GetRequiredService<PublicLinks>();
        var emails = new RequestEmails(new EmailOutbox(db, clock, text), text);
        foreach (var domainEvent in mailing)
        {
            var application = db.Applications.Local.SingleOrDefault(a => a.Id == domainEvent.ApplicationId)
                ?? await db.Applications.Include(a => a.InformationRequests).SingleAsync(a => a.Id == domainEvent.ApplicationId, cancellationToken);
            var statusLink = links.Page("/Applications/Status", new { id = application.Id });
            switch (domainEvent)
            {
                case InformationRequestSent { Request.Kind: InformationRequestKind.Completeness } sent:
                    foreach (var user in await ApplicantSideAsync(db, application, cancellationToken))
                        emails.CompletenessRequested(user, application, sent.Request, statusLink);
                    break;
                case InformationRequestSent asked:
                    foreach (var user in await ApplicantSideAsync(db, application, cancellationToken))
                        emails.QuestionAsked(user, application, asked.Request, statusLink);
                    break;
                case InformationRequestReminderDue due:
                    foreach (var user in await ApplicantSideAsync(db, application, cancellationToken))
                        emails.Reminder(user, application, due.Request, statusLink);
                    break;
                case InformationRequestClosed closed when closed.Actor.WritesAnswers
                        && application.InformationRequests.FirstOrDefault(r => r.Id == closed.RequestId) is { SentBy: { } reviewerId } request:
                    foreach (var reviewer in await EachEventAsync(db, [reviewerId], cancellationToken))
                        emails.Answered(reviewer, application, request,
                            links.Page("/Review/Applications/Requests", new { id = application.Id }));
                    break;
                case ApplicationMessagePosted posted:
                    var message = db.Set<ApplicationMessage>().Local.Single(m => m.Id == posted.MessageId);
                    // A reviewer's question to the group's coaches reaches only them (issue 11, point 4).
                    if (message.FromStaff && message.ForCoaches)
                        foreach (var coach in await UsersAsync(db, await CoachesAsync(db, application, cancellationToken), cancellationToken))
                            emails.QuestionToCoach(coach, application, message.Text, links.Page("/Applications/Messages", new { id = application.Id }));
                    else if (message.FromStaff)
                        foreach (var user in (await ApplicantSideAsync(db, application, cancellationToken)).Where(u => u.Id != message.AuthorId))
                            emails.MessageToApplicant(user, application, message.Text, links.Page("/Applications/Messages", new { id = application.Id }));
                    else
                        foreach (var reviewer in await ReviewersAsync(db, application, cancellationToken))
                            emails.MessageToReviewer(reviewer, application, message.Text,
                                links.Page("/Review/Applications/Messages", new { id = application.Id }));
                    break;
            }
        }
    }

    /// <summary>The applicant's side: every member of the organisation and every coach with access that was not taken back.</summary>
    private static async Task<List<PortalUser>> ApplicantSideAsync(PortalDbContext db, Application application, CancellationToken cancellationToken)
    {
        var members = await db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId)
            .SelectMany(o => o.Members.Select(m => m.UserId)).ToListAsync(cancellationToken);
        return await UsersAsync(db, [.. members, .. await CoachesAsync(db, application, cancellationToken)], cancellationToken);
    }

    /// <summary>The coaches the members let in and did not take back.</summary>
    private static Task<List<Guid>> CoachesAsync(PortalDbContext db, Application application, CancellationToken cancellationToken) =>
        db.CoachGrants.AsNoTracking().Where(g => g.ApplicationId == application.Id && g.RevokedAt == null)
            .Select(g => g.CoachId).Distinct().ToListAsync(cancellationToken);

    /// <summary>
    /// The reviewers who work on the application — the one it is assigned to, whoever sent it a request or wrote in its
    /// thread — who want mail about each event (the others read it in their daily digest, or not at all).
    /// </summary>
    private static async Task<List<PortalUser>> ReviewersAsync(PortalDbContext db, Application application, CancellationToken cancellationToken)
    {
        var writers = await db.Set<ApplicationMessage>().AsNoTracking()
            .Where(m => m.ApplicationId == application.Id && (m.AuthorRole == ActorRole.Reviewer || m.AuthorRole == ActorRole.Approver))
            .Select(m => m.AuthorId).Distinct().ToListAsync(cancellationToken);
        var assigned = await db.Set<ReviewCase>().AsNoTracking().Where(c => c.ApplicationId == application.Id && c.ReviewerId != null)
            .Select(c => c.ReviewerId!.Value).ToListAsync(cancellationToken);
        var askers = application.InformationRequests.Select(r => r.SentBy).OfType<Guid>();
        return await EachEventAsync(db, [.. assigned, .. writers, .. askers], cancellationToken);
    }

    /// <summary>Of these members of staff, those who chose mail about each event (the default, issue 11 point 1).</summary>
    private static async Task<List<PortalUser>> EachEventAsync(PortalDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.Email != null
                && !db.Set<ReviewerSettings>().Any(s => s.UserId == u.Id && s.EmailFrequency != ReviewEmailFrequency.EachEvent))
            .ToListAsync(cancellationToken);
    }

    private static async Task<List<PortalUser>> UsersAsync(PortalDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.Email != null).ToListAsync(cancellationToken);
    }
}
