using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Coaching;
using Portal.Domain.Terms;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Coaching;

/// <summary>
/// Keeps the promise of two working days (issue 10, point 2). Every minute: a request nobody claimed within a working
/// day goes to every coach and the admin; a claimed request past its day reminds its coach once; and each coach with
/// new offers gets one email for all of them — at most one every 10 minutes, so a busy morning is one email, not ten.
/// Coaches' profiles are locked FOR UPDATE SKIP LOCKED, so two nodes never mail the same coach twice.
/// </summary>
public sealed class CoachNotifier(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<CoachNotifier> logger,
    TimeProvider? clock = null) : BackgroundService
{
    private TimeSpan Interval => configuration.GetValue("Coaching:NotifyInterval", TimeSpan.FromMinutes(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Coaches could not be told about requests");
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await EscalateAndRemindAsync(cancellationToken);
        await MailOffersAsync(cancellationToken);
    }

    private async Task EscalateAndRemindAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = (clock ?? scope.ServiceProvider.GetRequiredService<TimeProvider>()).GetUtcNow();
        var today = NijmegenTime.DayOf(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked by id, then loaded: EF cannot compose its complex properties (origin, requester) over raw SQL.
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "HelpRequests"
            WHERE ("State" = {nameof(HelpRequestState.Open)} AND "EscalatedAt" IS NULL)
               OR ("State" = {nameof(HelpRequestState.Claimed)} AND "OverdueRemindedAt" IS NULL AND "AnswerBy" < {today})
            ORDER BY "CreatedAt"
            LIMIT 100
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var waiting = await db.HelpRequests.Include(r => r.Offers).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var coaches = await db.CoachProfiles.Select(p => p.UserId).ToListAsync(cancellationToken);
        foreach (var request in waiting)
        {
            if (request.NeedsEscalation(today, AtwCalendar.Netherlands)) request.Escalate(coaches, now);
            request.RemindOverdue(today, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task MailOffersAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var time = clock ?? services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var text = services.GetRequiredService<PortalText>();
        var emails = new CoachingEmails(db, new EmailOutbox(db, time, text), text, services.GetRequiredService<PublicLinks>());
        var quietSince = now - CoachProfile.BundleWindow;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var coachIds = await db.Database.SqlQuery<Guid>($"""
            SELECT "UserId" AS "Value" FROM "CoachProfiles" p
            WHERE ("LastNotifiedAt" IS NULL OR "LastNotifiedAt" <= {quietSince})
              AND EXISTS (SELECT 1 FROM "HelpRequestOffers" o WHERE o."CoachId" = p."UserId" AND o."NotifiedAt" IS NULL)
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var profiles = await db.CoachProfiles.Where(p => coachIds.Contains(p.UserId)).ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => coachIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var profile in profiles)
        {
            var requests = await db.HelpRequests.Include(r => r.Offers)
                .Where(r => r.Offers.Any(o => o.CoachId == profile.UserId && o.NotifiedAt == null))
                .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
            foreach (var offer in requests.SelectMany(r => r.Offers).Where(o => o.CoachId == profile.UserId)) offer.Notified(now);
            // A request someone else took meanwhile is not news any more.
            var news = requests.Where(r => r.State == HelpRequestState.Open || r.CoachId == profile.UserId).ToList();
            if (news.Count == 0 || accounts.GetValueOrDefault(profile.UserId) is not { Email: not null } coach)
                continue;
            emails.NewRequests(coach, news);
            profile.Notified(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
