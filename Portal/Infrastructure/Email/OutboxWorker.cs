using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Email;

namespace Portal.Infrastructure.Email;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 20;
}

/// <summary>
/// Sends the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED inside a transaction, so any number of
/// nodes can run this worker without sending a message twice; a failed send is retried with backoff.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable; the worker must survive and try again.
                logger.LogError(e, "The email outbox could not be processed");
                sent = 0;
            }
            if (sent == 0)
            {
                try { await Task.Delay(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <returns>How many messages were attempted.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var clock = scope.ServiceProvider.GetRequiredService<IClock>();
        var now = clock.UtcNow;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.EmailMessages.FromSqlInterpolated($"""
            SELECT * FROM "EmailMessages"
            WHERE "SentAt" IS NULL AND "Attempts" < {EmailMessage.MaxAttempts} AND "NextAttemptAt" <= {now}
            ORDER BY "NextAttemptAt"
            LIMIT {options.Value.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);

        foreach (var message in due)
        {
            try
            {
                await sender.SendAsync(message, cancellationToken);
                message.MarkSent(clock.UtcNow);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.MarkFailed(e.Message, clock.UtcNow);
                logger.LogWarning("Sending email {Id} failed (attempt {Attempt}): {Error}", message.Id, message.Attempts, e.Message);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
