namespace Portal.Infrastructure;

/// <summary>
/// A worker that sends what has come due in batches of <see cref="BatchSize"/>, once every <see cref="Interval"/> (a short
/// first wait keeps start-up quick), until a batch comes back short. A failed round is logged and tried again next time.
/// </summary>
public abstract class BatchReminderWorker(ILogger logger) : BackgroundService
{
    protected const int BatchSize = 50;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log says when a round fails, e.g. "Draft reminders could not be sent".</summary>
    protected abstract string FailureMessage { get; }

    /// <returns>How many were looked at (a full batch means: look again).</returns>
    public abstract Task<int> SendDueAsync(CancellationToken cancellationToken = default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = Interval < TimeSpan.FromMinutes(1) ? Interval : TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, stoppingToken);
                while (await SendDueAsync(stoppingToken) == BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, FailureMessage);
            }
            wait = Interval;
        }
    }
}
