using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Email;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Sends the outbox. A batch is claimed with a lease in one short committed statement (FOR UPDATE SKIP LOCKED, so
/// several nodes can run this worker side by side); then each message is sent and at once marked sent in its own
/// committed update. A crash or a lost database can therefore repeat only the one message that was being sent: the
/// others are either marked or not yet sent, and go out when their lease runs out.
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

    /// <returns>How many messages were claimed.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var attachers = scope.ServiceProvider.GetServices<IMailAttachments>().ToList();

        await GiveUpAbandonedAsync(db, clock, cancellationToken);
        var claimed = await ClaimAsync(db, clock.GetUtcNow(), cancellationToken);
        foreach (var message in claimed)
        {
            // Past half its lease, a slow send could outlive the claim and another node would send it too.
            if (message.LeasedUntil - clock.GetUtcNow() < options.Value.Lease / 2)
            {
                logger.LogInformation("The outbox stops a slow batch; the rest is sent again when its lease has run out");
                break;
            }
            string? error = null;
            try
            {
                // Found at sending: a file that cannot be read now (its database is gone) fails this attempt, to be tried again.
                var attachments = new List<MailAttachment>();
                foreach (var attacher in attachers) attachments.AddRange(await attacher.ForAsync(message, cancellationToken));
                await sender.SendAsync(message, attachments, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message;
            }
            if (error is null) message.MarkSent(clock.GetUtcNow());
            else message.MarkFailed(error, clock.GetUtcNow());
            await RecordAsync(db, message, cancellationToken);
            if (error is not null) LogFailure(message, error);
        }
        return claimed.Count;
    }

    /// <summary>
    /// Claims due messages whose lease is free or has run out: counts the attempt and sets a new lease, committed at once
    /// (the statement is its own transaction), so the claim survives whatever happens while sending.
    /// </summary>
    private async Task<List<EmailMessage>> ClaimAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leasedUntil = now + options.Value.Lease;
        var claimed = await db.EmailMessages.FromSqlInterpolated($"""
            UPDATE "EmailMessages" SET "LeasedUntil" = {leasedUntil}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "EmailMessages"
                WHERE "SentAt" IS NULL AND "GaveUpAt" IS NULL AND "Attempts" < {EmailMessage.MaxAttempts}
                  AND "NextAttemptAt" <= {now} AND ("LeasedUntil" IS NULL OR "LeasedUntil" <= {now})
                ORDER BY "NextAttemptAt"
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *, xmin
            """).ToListAsync(cancellationToken);
        return [.. claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)];
    }

    /// <summary>
    /// Writes the outcome of one message before the next one is sent. When that fails (the database is gone, or the
    /// lease was lost to another node), the batch stops: sending more would only add mail the database cannot record.
    /// The write is not cancelled on shutdown: a sent message that is not marked would go out again.
    /// </summary>
    private static async Task RecordAsync(PortalDbContext db, EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            var outcome = message.SentAt is null ? "failed" : "was sent";
            throw new OutboxStoppedException($"Email {message.Id} {outcome} but that could not be recorded; the batch stops here", e);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// A worker that died during the last attempt leaves a message with no attempts left and a lease that ran out:
    /// nobody would try it again, so it is given up (and shown to admins) like any other.
    /// </summary>
    private async Task GiveUpAbandonedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var abandoned = await db.EmailMessages
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.Attempts >= EmailMessage.MaxAttempts && m.LeasedUntil <= now)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var message in abandoned)
        {
            message.MarkFailed("The last attempt did not finish: the portal stopped while sending.", now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogFailure(message, message.LastError!);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node gave it up (and logged it) first.
                db.ChangeTracker.Clear();
            }
        }
    }

    private void LogFailure(EmailMessage message, string error)
    {
        // Logs say which domain a message was for, never the address (nor the body): the mail server's error may quote it.
        var redacted = error.Replace(message.To, $"…@{message.RecipientDomain}", StringComparison.OrdinalIgnoreCase);
        if (message.GaveUp)
            logger.LogError("Gave up on email {Id} to a recipient at {Domain} after {Attempts} attempts: {Error}. Admins can send it again at /staff/mail",
                message.Id, message.RecipientDomain, message.Attempts, redacted);
        else
            logger.LogWarning("Sending email {Id} to a recipient at {Domain} failed (attempt {Attempt}): {Error}",
                message.Id, message.RecipientDomain, message.Attempts, redacted);
    }
}

/// <summary>The outbox stopped a batch because it could not record what it had done.</summary>
public sealed class OutboxStoppedException(string message, Exception inner) : Exception(message, inner);
