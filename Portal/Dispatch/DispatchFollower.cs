using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Decisions;
using Portal.Domain.Terms;
using Portal.Infrastructure.Email;

namespace Portal.Dispatch;

/// <summary>
/// Follows the outbox for decisions that go by email: the first email the mail server accepted is the sending of the
/// decision (its sending time is the outbox's, so it does not matter when this runs); when every email of a decision failed
/// for good (the outbox retried and gave up), the letter becomes a task for staff to post. The outbox itself knows nothing
/// of decisions.
/// </summary>
public sealed class DispatchFollower(PortalDbContext db, Decisions.DecisionDocuments documents)
{
    private const int BatchSize = 100;

    /// <returns>How many dispatches changed.</returns>
    public async Task<int> FollowAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var waiting = await (from dispatch in db.DecisionDispatches
                             join decision in db.Decisions on dispatch.DecisionId equals decision.Id
                             where dispatch.Route == DispatchChannel.Email && decision.SentAt == null && decision.ReopenedAt == null
                             orderby dispatch.CreatedAt
                             select new { dispatch, decision })
            .Take(BatchSize).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var (dispatch, decision) in waiting.Select(w => (w.dispatch, w.decision)))
        {
            var ids = dispatch.EmailMessageIds.ToList();
            var emails = await db.EmailMessages.AsNoTracking().Where(m => ids.Contains(m.Id))
                .Select(m => new { m.SentAt, m.GaveUpAt }).ToListAsync(cancellationToken);
            var firstAccepted = emails.Where(m => m.SentAt != null).Min(m => m.SentAt);
            var moved = firstAccepted is { } acceptedAt
                ? dispatch.EmailAccepted(decision, acceptedAt, AtwCalendar.Netherlands)
                : emails.Count > 0 && emails.All(m => m.GaveUpAt != null) && dispatch.EmailsFailed(decision, now);
            if (!moved) continue;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                changed++;
                // Sent by email: the letter with its fixed last day to object stays on file as it is now.
                if (decision.SentAt is not null) await documents.KeepAsync(decision.Id, cancellationToken: cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Staff posted it (or another node followed it) meanwhile: theirs stands; the rest is looked at next round.
                db.ChangeTracker.Clear();
                break;
            }
        }
        return changed;
    }
}

/// <summary>Runs <see cref="DispatchFollower"/> as often as the outbox polls.</summary>
public sealed class DispatchWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<DispatchWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DispatchFollower>().FollowAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The dispatch of decisions could not follow the outbox");
            }
            try { await Task.Delay(options.Value.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
