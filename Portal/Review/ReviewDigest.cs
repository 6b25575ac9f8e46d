using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Review;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Review;

/// <summary>
/// The daily digest of a reviewer who chose it (issue 11, point 1): once a day, from 07:00 Nijmegen time, one email that
/// lists what others did on the applications assigned to them since the last digest — an answer to a request, a message
/// from the applicant's side, a coach's answer, a notice of default — and what was handed over to them. Read from the append-only audit
/// trail, so nothing has to be stored twice and nothing is left out; a reviewer with nothing new gets no email. The mark
/// that the digest was made and its mail are saved together, so a digest is never sent twice.
/// </summary>
public sealed class ReviewDigest(PortalDbContext db, TimeProvider clock, PortalText text, PublicLinks links)
{
    /// <summary>The audit kinds a digest tells about, by the text key of their line.</summary>
    private static readonly Dictionary<string, string> Lines = new()
    {
        ["application.information-request-answered"] = "Review.Digest.Line.Answered",
        ["application.message-posted"] = "Review.Digest.Line.Message",
        ["application.coach-answered"] = "Review.Digest.Line.CoachAnswered",
        ["application.default-notice-received"] = "Review.Digest.Line.DefaultNotice",
        ["application.handed-over"] = "Review.Digest.Line.HandedOver",
    };

    private static readonly string[] StaffRoles = [nameof(ActorRole.Reviewer), nameof(ActorRole.Approver), nameof(ActorRole.System)];

    public sealed record Item(string Reference, string Kind, DateTimeOffset OccurredAt);

    /// <returns>How many digests were emailed.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Set<ReviewerSettings>().Where(s => s.EmailFrequency == ReviewEmailFrequency.DailyDigest).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var settings in candidates.Where(s => s.DigestDue(now)))
        {
            var items = await ItemsAsync(settings.UserId, settings.DigestSince(now), now, cancellationToken);
            var reviewer = await db.Users.AsNoTracking().Where(u => u.Id == settings.UserId && u.Email != null).SingleOrDefaultAsync(cancellationToken);
            if (items.Count > 0 && reviewer is not null)
            {
                new EmailOutbox(db, clock, text).Enqueue(reviewer.Email!, reviewer.PreferredLanguage, _ =>
                    (text["Review.Digest.Subject", items.Count],
                        text["Review.Digest.Body", string.Join("\n", items.Select(i => "- " + text[Lines[i.Kind], i.Reference].Value)),
                            links.Page("/Review/Index", new { Assigned = ReviewInbox.Assignment.Mine })]));
                sent++;
            }
            settings.DigestSent(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// <summary>What others did on the reviewer's applications between the two moments, oldest first.</summary>
    public async Task<IReadOnlyList<Item>> ItemsAsync(Guid reviewerId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var kinds = Lines.Keys.ToList();
        var handedToMe = $"reviewer {reviewerId}";
        return await (
                from audit in db.AuditEvents.AsNoTracking()
                join reviewCase in db.Set<ReviewCase>() on audit.ObjectId equals reviewCase.ApplicationId
                where audit.OccurredAt > since && audit.OccurredAt <= until && kinds.Contains(audit.Kind) && audit.UserId != reviewerId
                    && (audit.Kind == "application.handed-over"
                        ? audit.Detail == handedToMe
                        : reviewCase.ReviewerId == reviewerId
                          && (audit.Kind != "application.message-posted" || !StaffRoles.Contains(audit.ActorRole!)))
                orderby audit.OccurredAt
                select new Item(reviewCase.Reference, audit.Kind, audit.OccurredAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Makes the daily digests that are due, every 15 minutes (a node that restarts sends nothing twice).</summary>
public sealed class ReviewDigestWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReviewDigestWorker> logger) : BackgroundService
{
    private TimeSpan Interval => configuration.GetValue("Review:DigestInterval", TimeSpan.FromMinutes(15));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ReviewDigest>().SendDueAsync(stoppingToken);
                if (sent > 0) logger.LogInformation("Sent {Count} reviewers' daily digest(s)", sent);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The reviewers' daily digests could not be made");
            }
        }
    }
}
