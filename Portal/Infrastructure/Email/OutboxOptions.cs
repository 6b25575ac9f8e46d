namespace Portal.Infrastructure.Email;

/// <summary>Settings of the outbox worker (section "Outbox").</summary>
public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a worker holds the messages it claimed. A message whose worker died is sent again once its lease has run
    /// out, so this is also how long a crash delays mail. A message is only sent while at least half of its lease is
    /// left, so half the lease must be longer than one send may take (<see cref="SmtpOptions.Timeout"/>).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
