using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Terms;

namespace Portal.Requests;

/// <summary>
/// Tends the open completeness terms (art. 4:5 Awb) every 10 minutes: the one reminder three days before a term ends, and
/// the application back to review once a term ran out unused (from then on the reviewer sees the day by which the decision
/// not to process must be made known). The applications are locked FOR UPDATE SKIP LOCKED, so two nodes never remind twice;
/// the reminder's mail is written in the same transaction as the mark that it was sent.
/// </summary>
public sealed class RequestWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RequestWorker> logger,
    TimeProvider? clock = null) : BackgroundService
{
    private const int BatchSize = 50;

    private TimeSpan Interval => configuration.GetValue("Requests:TendInterval", TimeSpan.FromMinutes(10));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                while (await TendAsync(stoppingToken) == BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Open information requests could not be tended");
            }
        }
    }

    /// <returns>How many applications were looked at (a full batch means: look again).</returns>
    public async Task<int> TendAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = (clock ?? scope.ServiceProvider.GetRequiredService<TimeProvider>()).GetUtcNow();
        var today = NijmegenTime.DayOf(now);
        var remindFrom = today.AddDays(InformationRequest.ReminderDaysBefore);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked by id, then loaded with their requests (EF cannot compose an Include over FOR UPDATE).
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT a."Id" AS "Value" FROM "Applications" a
            WHERE EXISTS (SELECT 1 FROM "InformationRequests" r
                          WHERE r."ApplicationId" = a."Id" AND r."AnsweredAt" IS NULL AND r."LapsedAt" IS NULL AND r."RespondBy" IS NOT NULL
                            AND r."Kind" = {nameof(InformationRequestKind.Completeness)}
                            AND (r."RespondBy" < {today} OR (r."ReminderSentAt" IS NULL AND r."RespondBy" <= {remindFrom})))
            ORDER BY a."Id"
            LIMIT {BatchSize}
            FOR UPDATE OF a SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0) return 0;
        var applications = await db.Applications.Include(a => a.Events).Include(a => a.InformationRequests)
            .Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var changed = applications.Count(a => a.TendRequests(now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (changed > 0) logger.LogInformation("Tended the completeness terms of {Count} application(s)", changed);
        return ids.Count;
    }
}

public static class RequestsSetup
{
    /// <summary>Requests, answers and messages (issue 11, points 5 and 6) and the worker that tends their terms.</summary>
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestDesk>();
        services.AddSingleton<RequestWorker>().AddHostedService(sp => sp.GetRequiredService<RequestWorker>());
        return services;
    }
}
